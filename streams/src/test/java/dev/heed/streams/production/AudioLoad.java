package dev.heed.streams.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.audio.Pcm16;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.transcription.AudioTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Live audio for the fault runs: each stream is the shipped recording of "two zero four eight"
 * played {@code runs} times back to back in 100 ms chunks (numbered, the last with {@code
 * heed.end}), the fault-free run's final transcripts of such a stream, and a ledger of the finals a
 * run wrote: every (stream, utterance) once, equal to the fault-free one.
 */
final class AudioLoad {
    static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int rate;
    private final List<byte[]> chunks = new ArrayList<>();

    AudioLoad(int runs) throws IOException {
        WavFile wav = WavFile.read(DIGITS);
        rate = wav.sampleRate();
        float[] x = wav.samples();
        int per = rate / 10;
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < x.length; i += per) {
                chunks.add(Pcm16.encodeMono(Arrays.copyOfRange(x, i, Math.min(x.length, i + per))));
            }
        }
    }

    int chunks() {
        return chunks.size();
    }

    ProducerRecord<byte[], byte[]> chunk(String topic, String stream, int i) {
        return new ProducerRecord<>(
                topic,
                null,
                Fixtures.utf8(stream),
                chunks.get(i),
                AudioTopology.chunkHeaders(rate, i, i == chunks.size() - 1));
    }

    /** The finals of one such stream in a fault-free run, by utterance number. */
    Map<Integer, JsonNode> reference(HeedConfig config, Path stateDir) throws Exception {
        Map<String, String> all = new HashMap<>(config.asMap());
        all.put("bootstrap.servers", "unused:9092");
        HeedConfig c = HeedConfig.of(all);
        Properties props = new Properties();
        props.putAll(HeedApp.streamsProperties(c, new RouteCounters()));
        props.put("state.dir", stateDir.toString());
        Map<Integer, JsonNode> finals = new HashMap<>();
        try (SpeechModel model = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU);
                TopologyTestDriver driver =
                        new TopologyTestDriver(
                                AudioTopology.addTo(new Topology(), c, model, new RouteCounters()),
                                props)) {
            TestInputTopic<byte[], byte[]> in =
                    driver.createInputTopic(
                            c.getString("topic.audio"),
                            new ByteArraySerializer(),
                            new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out =
                    driver.createOutputTopic(
                            c.getString("topic.transcripts"),
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
            for (int i = 0; i < chunks.size(); i++) {
                ProducerRecord<byte[], byte[]> r = chunk("unused", "reference", i);
                in.pipeInput(new TestRecord<>(r.key(), r.value(), r.headers()));
            }
            for (byte[] v : out.readValuesToList()) {
                JsonNode t = JSON.readTree(v);
                if (t.path("final").asBoolean()) {
                    finals.put(t.path("utterance").asInt(), t);
                }
            }
        }
        return finals;
    }

    /** The finals a run wrote, checked against the fault-free ones. */
    static final class Ledger {
        private final List<String> streams;
        private final Map<Integer, JsonNode> reference;
        private final Map<String, Integer> seen = new HashMap<>();
        private int duplicated;
        private int unexpected;
        private double worst;
        private String worstAt = "";

        Ledger(List<String> streams, Map<Integer, JsonNode> reference) {
            this.streams = streams;
            this.reference = reference;
        }

        Ledger add(List<ConsumerRecord<byte[], byte[]>> transcripts) throws IOException {
            for (ConsumerRecord<byte[], byte[]> r : transcripts) {
                JsonNode t = JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
                if (!t.path("final").asBoolean()) {
                    continue;
                }
                String key = t.path("stream").asText() + "#" + t.path("utterance").asInt();
                if (seen.merge(key, 1, Integer::sum) > 1) {
                    duplicated++;
                }
                JsonNode ref = reference.get(t.path("utterance").asInt());
                if (ref == null || !streams.contains(t.path("stream").asText())) {
                    unexpected++;
                    continue;
                }
                double d = difference(t, ref);
                if (d > worst) {
                    worst = d;
                    worstAt = key + ": " + t.path("text") + " vs " + ref.path("text");
                }
            }
            return this;
        }

        boolean complete(List<ConsumerRecord<byte[], byte[]>> read) {
            try {
                Ledger l = new Ledger(streams, reference).add(read);
                return l.lost() == 0;
            } catch (IOException e) {
                return false;
            }
        }

        long expected() {
            return (long) streams.size() * reference.size();
        }

        long lost() {
            long lost = 0;
            for (String s : streams) {
                for (int u : reference.keySet()) {
                    if (!seen.containsKey(s + "#" + u)) {
                        lost++;
                    }
                }
            }
            return lost;
        }

        int duplicated() {
            return duplicated;
        }

        int unexpected() {
            return unexpected;
        }

        /** The largest difference from the fault-free finals (text, token spans, attention). */
        double worst() {
            return worst;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d expected finals, %d lost, %d duplicated, %d unexpected, largest difference"
                            + " %.2e %s",
                    expected(), lost(), duplicated, unexpected, worst, worstAt);
        }
    }

    /**
     * 0 for the same final; infinite when the text or a token's span differs; else the largest
     * difference of a token's attention weight or confidence.
     */
    static double difference(JsonNode got, JsonNode want) {
        if (!got.path("text").equals(want.path("text"))
                || got.path("tokens").size() != want.path("tokens").size()
                || got.path("start_ms").asLong() != want.path("start_ms").asLong()
                || got.path("end_ms").asLong() != want.path("end_ms").asLong()) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int k = 0; k < want.path("tokens").size(); k++) {
            JsonNode a = got.path("tokens").get(k);
            JsonNode b = want.path("tokens").get(k);
            if (a.path("start_ms").asLong() != b.path("start_ms").asLong()
                    || a.path("end_ms").asLong() != b.path("end_ms").asLong()) {
                return Double.POSITIVE_INFINITY;
            }
            worst =
                    Math.max(
                            worst,
                            Math.abs(
                                    a.path("confidence").asDouble()
                                            - b.path("confidence").asDouble()));
            JsonNode wa = a.path("attention").path("weights");
            JsonNode wb = b.path("attention").path("weights");
            if (wa.size() != wb.size()) {
                return Double.POSITIVE_INFINITY;
            }
            for (int t = 0; t < wb.size(); t++) {
                worst = Math.max(worst, Math.abs(wa.get(t).asDouble() - wb.get(t).asDouble()));
            }
        }
        return worst;
    }
}
