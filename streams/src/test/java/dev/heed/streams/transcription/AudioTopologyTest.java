package dev.heed.streams.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import dev.heed.audio.Pcm16;
import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.Transcriber;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.sensors.PredictionSchemaTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio topology on the shipped speech model and a shipped FSDD test-split recording of four
 * digits, streamed in 100 ms chunks: partial transcripts while it speaks, final ones that say what
 * was said, token attention over the audio, and bad chunks answered without losing the stream.
 */
class AudioTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");
    private static SpeechModel model;

    @TempDir Path stateDir;

    @BeforeAll
    static void load() throws Exception {
        model = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private final class Harness implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<byte[], byte[]> in;
        final TestOutputTopic<byte[], byte[]> out;
        final TestOutputTopic<byte[], byte[]> dlq;
        final RouteCounters counters = new RouteCounters();

        Harness() {
            this(Map.of());
        }

        Harness(Map<String, String> settings) {
            this(settings, model);
        }

        Harness(Map<String, String> settings, SpeechModel model) {
            Map<String, String> all = new java.util.HashMap<>(settings);
            all.put("bootstrap.servers", "unused:9092");
            HeedConfig config = HeedConfig.of(all);
            Properties props = new Properties();
            props.putAll(HeedApp.streamsProperties(config, counters));
            props.put("state.dir", stateDir.toString());
            driver =
                    new TopologyTestDriver(
                            AudioTopology.addTo(new Topology(), config, model, counters), props);
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
        }
    }

    /** Sends {@code x} at {@code rate} in 100 ms chunks numbered from {@code seq0}. */
    private static int stream(Harness h, float[] x, int rate, int seq0, boolean end) {
        int per = rate / 10;
        int chunks = (x.length + per - 1) / per;
        for (int c = 0; c < chunks; c++) {
            byte[] pcm =
                    Pcm16.encodeMono(
                            Arrays.copyOfRange(x, c * per, Math.min(x.length, (c + 1) * per)));
            boolean last = end && c == chunks - 1;
            h.chunk(
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

    private static String finalText(List<JsonNode> transcripts) {
        return transcripts.stream()
                .filter(t -> t.get("final").asBoolean())
                .map(t -> t.get("text").asText())
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    @Test
    void shouldTranscribeStreamedDigitsWithPartialsAndTokenAttention() throws Exception {
        WavFile wav = WavFile.read(DIGITS);
        List<JsonNode> transcripts;
        try (Harness h = new Harness()) {
            stream(h, wav.samples(), wav.sampleRate(), 0, true);
            transcripts = h.transcripts();
            assertThat(h.dlq.isEmpty()).isTrue();
        }
        assertThat(finalText(transcripts)).isEqualTo("two zero four eight");
        assertThat(transcripts).anyMatch(t -> !t.get("final").asBoolean());
        JsonSchema schema = PredictionSchemaTest.schema("transcript");
        for (JsonNode t : transcripts) {
            assertThat(schema.validate(t)).as("%s", t).isEmpty();
            for (JsonNode token : t.get("tokens")) {
                JsonNode a = token.get("attention");
                double sum = 0;
                for (JsonNode w : a.get("weights")) {
                    sum += w.asDouble();
                }
                assertThat(sum).isCloseTo(1.0, within(1e-3));
                assertThat(a.get("peak_ms").asLong())
                        .isBetween(t.get("start_ms").asLong(), t.get("end_ms").asLong() + 100);
                assertThat(token.get("start_ms").asLong())
                        .isLessThanOrEqualTo(token.get("end_ms").asLong());
            }
        }
        JsonNode last = transcripts.get(transcripts.size() - 1);
        assertThat(last.get("final").asBoolean()).isTrue();
        assertThat(last.get("audio").get("rms").size()).isGreaterThan(10);
    }

    /**
     * A speech model that throws used to fail the stream thread on the same chunk again and again;
     * Kafka Streams' processing exception handler now dead-letters that chunk with the exception
     * and the thread goes on.
     */
    @Test
    void shouldDeadLetterAChunkThatMakesTheModelThrowAndGoOn() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        SpeechModel flaky =
                new SpeechModel() {
                    @Override
                    public SpeechDescriptor descriptor() {
                        return model.descriptor();
                    }

                    @Override
                    public List<String> vocabulary() {
                        return model.vocabulary();
                    }

                    @Override
                    public int minFrames() {
                        return model.minFrames();
                    }

                    @Override
                    public Transcriber newTranscriber() {
                        Transcriber inner = model.newTranscriber();
                        return features -> {
                            if (broken.get()) {
                                throw new IllegalStateException("engine lost its device");
                            }
                            return inner.transcribe(features);
                        };
                    }

                    @Override
                    public void close() {}
                };
        WavFile wav = WavFile.read(DIGITS);
        try (Harness h = new Harness(Map.of(), flaky)) {
            stream(h, wav.samples(), wav.sampleRate(), 0, true);
            List<TestRecord<byte[], byte[]>> dead = h.dlq.readRecordsToList();
            assertThat(dead).isNotEmpty();
            for (TestRecord<byte[], byte[]> d : dead) {
                assertThat(header(d, "heed.dlq.reason")).isEqualTo("processing_error");
                assertThat(header(d, "heed.dlq.message"))
                        .contains("engine lost its device")
                        .contains("audio-transcriber");
                assertThat(header(d, "heed.dlq.source.topic")).isEqualTo("heed.audio");
                assertThat(Long.parseLong(header(d, "heed.dlq.source.offset"))).isNotNegative();
                assertThat(d.value()).as("the chunk itself").isNotEmpty();
            }
            assertThat(h.counters.deadLettersByReason())
                    .containsEntry("processing_error", (long) dead.size());
            broken.set(false);
            WavFile nine = WavFile.read(Path.of("../samples/audio/9_theo_2.wav"));
            float[] x = new float[nine.samples().length + 4800];
            System.arraycopy(nine.samples(), 0, x, 2400, nine.samples().length);
            h.transcripts();
            int per = 800;
            for (int c = 0; c * per < x.length; c++) {
                h.chunkOf(
                        "mic-2",
                        Pcm16.encodeMono(
                                Arrays.copyOfRange(x, c * per, Math.min(x.length, (c + 1) * per))),
                        "heed.sample.rate",
                        "8000",
                        "heed.seq",
                        Integer.toString(c),
                        "heed.end",
                        Boolean.toString((c + 1) * per >= x.length));
            }
            assertThat(finalText(h.transcripts())).as("the thread went on").isEqualTo("nine");
        }
    }

    private static String header(TestRecord<byte[], byte[]> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    /**
     * A stream that stops mid-utterance without {@code heed.end} used to keep its state forever and
     * never get its final transcript; after {@code audio.idle.expiry} it gets both.
     */
    @Test
    void shouldEndAStreamThatFallsSilentMidUtterance() throws Exception {
        WavFile nine = WavFile.read(Path.of("../samples/audio/9_theo_2.wav"));
        float[] x = new float[2400 + nine.samples().length * 3 / 4];
        System.arraycopy(nine.samples(), 0, x, 2400, x.length - 2400);
        try (Harness h = new Harness(Map.of("audio.idle.expiry", "10s"))) {
            stream(h, x, 8000, 0, false);
            assertThat(h.transcripts()).noneMatch(t -> t.get("final").asBoolean());
            assertThat(h.streams()).containsExactly("mic-1");
            h.driver.advanceWallClockTime(java.time.Duration.ofSeconds(6));
            assertThat(h.streams()).as("not idle long enough").containsExactly("mic-1");
            h.driver.advanceWallClockTime(java.time.Duration.ofSeconds(6));
            List<JsonNode> finals =
                    h.transcripts().stream().filter(t -> t.get("final").asBoolean()).toList();
            assertThat(finals).hasSize(1);
            assertThat(h.streams()).isEmpty();
            assertThat(h.counters.streamsExpired()).isEqualTo(1);
        }
    }

    /**
     * Idle time counts only while Heed runs: a stream restored after an outage (its last chunk a
     * minute old, its next ones still to be read) is not ended at once, but after {@code
     * audio.idle.expiry} of this task's own time.
     */
    @Test
    void shouldNotEndAStreamForTheTimeHeedWasDown() throws Exception {
        WavFile nine = WavFile.read(Path.of("../samples/audio/9_theo_2.wav"));
        float[] x = new float[2400 + nine.samples().length * 3 / 4];
        System.arraycopy(nine.samples(), 0, x, 2400, x.length - 2400);
        try (Harness h = new Harness(Map.of("audio.idle.expiry", "10s"))) {
            stream(h, x, 8000, 0, false);
            KeyValueStore<String, byte[]> store = h.driver.getKeyValueStore("heed-audio");
            byte[] state = store.get("mic-1");
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.wrap(state, state.length - 8, 8);
            long seen = tail.getLong(state.length - 8);
            java.nio.ByteBuffer.wrap(state).putLong(state.length - 8, seen - 60_000);
            store.put("mic-1", state); // as restored: last seen a minute before this task began
            h.driver.advanceWallClockTime(java.time.Duration.ofSeconds(6));
            assertThat(h.streams()).as("idle 6 s while Heed ran").containsExactly("mic-1");
            h.driver.advanceWallClockTime(java.time.Duration.ofSeconds(6));
            assertThat(h.streams()).as("idle 12 s while Heed ran").isEmpty();
            assertThat(h.counters.streamsExpired()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAnUtteranceCapWhoseStateWouldNotFitARecord() {
        assertThatThrownBy(() -> new Harness(Map.of("audio.max.utterance", "10m")))
                .hasMessageContaining("audio.max.utterance=10m")
                .hasMessageContaining("output.max.bytes=1000000")
                .hasMessageContaining("at most");
        new Harness(Map.of("audio.max.utterance", "45s")).close();
    }

    @Test
    void shouldEndUtterancesAfterTheConfiguredHangover() throws Exception {
        WavFile wav = WavFile.read(DIGITS);
        List<JsonNode> split;
        List<JsonNode> joined;
        try (Harness h = new Harness()) {
            stream(h, wav.samples(), wav.sampleRate(), 0, true);
            split = finals(h.transcripts());
        }
        try (Harness h = new Harness(Map.of("audio.vad.hangover", "1500ms"))) {
            stream(h, wav.samples(), wav.sampleRate(), 0, true);
            joined = finals(h.transcripts());
        }
        assertThat(split).as("100 ms of quiet ends each digit").hasSize(4);
        assertThat(joined).as("the pauses between the digits are shorter than 1.5 s").hasSize(1);
        assertThat(joined.get(0).get("text").asText()).isEqualTo("two zero four eight");
    }

    @Test
    void shouldRejectAVadThresholdThatIsNotAPositiveNumber() {
        assertThatThrownBy(() -> new Harness(Map.of("audio.vad.threshold.db", "loud")))
                .hasMessageContaining("audio.vad.threshold.db")
                .hasMessageContaining("loud");
        assertThatThrownBy(() -> new Harness(Map.of("audio.vad.hangover", "0ms")))
                .hasMessageContaining("audio.vad.hangover");
    }

    private static List<JsonNode> finals(List<JsonNode> transcripts) {
        return transcripts.stream()
                .filter(t -> t.get("final").asBoolean())
                .filter(t -> !t.get("text").asText().isEmpty())
                .collect(Collectors.toList());
    }

    @Test
    void shouldTranscribeAQuietSpeakerAfterSilence() throws Exception {
        WavFile nine = WavFile.read(Path.of("../samples/audio/9_theo_2.wav"));
        float[] x = new float[nine.samples().length + 4800];
        System.arraycopy(nine.samples(), 0, x, 2400, nine.samples().length);
        try (Harness h = new Harness()) {
            stream(h, x, 8000, 0, true);
            assertThat(finalText(h.transcripts()))
                    .as("a recording peaking near -32 dBFS")
                    .isEqualTo("nine");
        }
    }

    @Test
    void shouldResampleSixteenKilohertzAudio() throws Exception {
        WavFile wav = WavFile.read(DIGITS);
        float[] x16 = Resampler.resample(wav.samples(), wav.sampleRate(), 16_000);
        try (Harness h = new Harness()) {
            stream(h, x16, 16_000, 0, true);
            assertThat(finalText(h.transcripts())).isEqualTo("two zero four eight");
        }
    }

    @Test
    void shouldDeadLetterBadChunksMarkTheGapAndKeepTheStream() throws Exception {
        WavFile wav = WavFile.read(DIGITS);
        float[] x = wav.samples();
        int half = x.length / 2 / 800 * 800;
        try (Harness h = new Harness()) {
            int seq = stream(h, Arrays.copyOf(x, half), 8000, 0, false);
            h.chunk(new byte[801], "heed.sample.rate", "8000", "heed.seq", Integer.toString(seq));
            h.chunk(
                    new byte[800],
                    "heed.sample.rate",
                    "8000",
                    "heed.encoding",
                    "mulaw",
                    "heed.seq",
                    Integer.toString(seq + 1));
            h.chunk(new byte[800], "heed.seq", Integer.toString(seq + 2));
            h.chunk(
                    new byte[400_000],
                    "heed.sample.rate",
                    "8000",
                    "heed.seq",
                    Integer.toString(seq + 3));
            h.chunk(new byte[800], "heed.sample.rate", "8000", "heed.seq", "3");
            stream(h, Arrays.copyOfRange(x, half, x.length), 8000, seq + 6, true);
            List<String> reasons = new ArrayList<>();
            h.dlq.readRecordsToList()
                    .forEach(
                            r ->
                                    reasons.add(
                                            new String(
                                                    r.headers()
                                                            .lastHeader("heed.dlq.reason")
                                                            .value(),
                                                    StandardCharsets.UTF_8)));
            assertThat(reasons)
                    .containsExactly(
                            "odd_byte_count",
                            "unsupported_encoding",
                            "bad_header",
                            "oversize",
                            "sequence_repeat");
            List<JsonNode> transcripts = h.transcripts();
            long missing = 0;
            for (JsonNode t : transcripts) {
                if (t.get("final").asBoolean()) {
                    for (JsonNode g : t.get("gaps")) {
                        missing += g.get("missing_chunks").asLong();
                    }
                }
            }
            assertThat(missing).as("4 dead-lettered chunks and 2 never sent").isEqualTo(6);
            assertThat(finalText(transcripts)).isNotEmpty();
            assertThat(h.counters.chunksIn()).isEqualTo(seq + 5 + (x.length - half + 799) / 800);
        }
    }

    @Test
    void shouldKeepNoStateForStreamsWhoseChunksWereAllRejected() {
        try (Harness h = new Harness()) {
            for (int i = 0; i < 200; i++) {
                h.chunkOf(
                        "hostile-" + i,
                        new byte[801],
                        "heed.sample.rate",
                        "8000",
                        "heed.seq",
                        "" + i);
                h.chunkOf("hostile-" + i, new byte[800], "heed.sample.rate", "-1");
            }
            assertThat(h.dlq.readRecordsToList()).hasSize(400);
            assertThat(h.streams()).as("no state for rejected-only streams").isEmpty();
            h.chunkOf("mic-2", new byte[800], "heed.sample.rate", "8000", "heed.seq", "0");
            h.chunkOf("mic-2", new byte[801], "heed.sample.rate", "8000", "heed.seq", "1");
            h.chunkOf("mic-2", new byte[800], "heed.sample.rate", "8000", "heed.seq", "3");
            assertThat(h.streams()).containsExactly("mic-2");
            assertThat(h.dlq.readRecordsToList()).hasSize(1);
            h.chunkOf("mic-2", new byte[0], "heed.sample.rate", "8000", "heed.end", "true");
            assertThat(h.streams()).as("state ends with the stream").isEmpty();
        }
    }
}
