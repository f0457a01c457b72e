package dev.heed.streams.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.audio.Pcm16;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The audio topology alone in a {@link TopologyTestDriver}, with its topics and store. */
class AudioHarness implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> in;
    final TestOutputTopic<byte[], byte[]> out;
    final TestOutputTopic<byte[], byte[]> dlq;
    final RouteCounters counters = new RouteCounters();

    /** The caller's model (not closed here) and the later model, if configured (closed here). */
    private final SpeechSource source;

    AudioHarness(Path stateDir, Map<String, String> settings, SpeechModel model) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("bootstrap.servers", "unused:9092");
        HeedConfig config = HeedConfig.of(all);
        Properties props = new Properties();
        props.putAll(HeedApp.streamsProperties(config, counters));
        props.put("state.dir", stateDir.toString());
        source = SpeechSource.of(model);
        driver =
                new TopologyTestDriver(
                        AudioTopology.addTo(new Topology(), config, source, counters), props);
        in =
                driver.createInputTopic(
                        "heed.audio", new ByteArraySerializer(), new ByteArraySerializer());
        out =
                driver.createOutputTopic(
                        "heed.transcripts",
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        dlq =
                driver.createOutputTopic(
                        "heed.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void chunk(byte[] pcm, String... headers) {
        chunkOf("mic-1", pcm, headers);
    }

    void chunkOf(String stream, byte[] pcm, String... headers) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        in.pipeInput(new TestRecord<>(stream.getBytes(StandardCharsets.UTF_8), pcm, h));
    }

    /** Sends {@code x} at {@code rate} on mic-1 in 100 ms chunks numbered from {@code seq0}. */
    int stream(float[] x, int rate, int seq0, boolean end) {
        int per = rate / 10;
        int chunks = (x.length + per - 1) / per;
        for (int c = 0; c < chunks; c++) {
            byte[] pcm =
                    Pcm16.encodeMono(
                            Arrays.copyOfRange(x, c * per, Math.min(x.length, (c + 1) * per)));
            boolean last = end && c == chunks - 1;
            chunk(
                    pcm,
                    "heed.sample.rate",
                    Integer.toString(rate),
                    "heed.encoding",
                    "pcm_s16le",
                    "heed.seq",
                    Integer.toString(seq0 + c),
                    "heed.end",
                    Boolean.toString(last));
        }
        return seq0 + chunks;
    }

    List<JsonNode> transcripts() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (byte[] v : out.readValuesToList()) {
            all.add(JSON.readTree(v));
        }
        return all;
    }

    /** The stream ids with state in the audio store. */
    List<String> streams() {
        List<String> ids = new ArrayList<>();
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore("heed-audio");
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> ids.add(kv.key));
        }
        return ids;
    }

    @Override
    public void close() {
        driver.close();
        if (source.later() != null) {
            source.later().close();
        }
    }
}
