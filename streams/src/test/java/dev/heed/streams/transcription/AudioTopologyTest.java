package dev.heed.streams.transcription;

import static dev.heed.streams.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import dev.heed.audio.Pcm16;
import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.Transcriber;
import dev.heed.models.speech.Transcript;
import dev.heed.streams.Fixtures;
import dev.heed.streams.sensors.PredictionSchemaTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.streams.test.TestRecord;
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
    private static final SpeechModel model = Fixtures.speechModel();

    @TempDir Path stateDir;

    /** The shipped speech model's harness in this test's state dir. */
    private final class Harness extends AudioHarness {
        Harness() {
            this(Map.of());
        }

        Harness(Map<String, String> settings) {
            this(settings, model);
        }

        Harness(Map<String, String> settings, SpeechModel model) {
            super(stateDir, settings, model);
        }
    }

    private static int stream(Harness h, float[] x, int rate, int seq0, boolean end) {
        return h.stream(x, rate, seq0, end);
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
                around(
                        inner ->
                                (features, history) -> {
                                    if (broken.get()) {
                                        throw new IllegalStateException("engine lost its device");
                                    }
                                    return inner.transcribe(features, history);
                                });
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

    /**
     * A stream-mean model's transcriber is given what the stream's finished utterances left: the
     * first utterance nothing, later ones more, another stream nothing.
     */
    @Test
    void shouldGiveAStreamMeanModelItsStreamsEarlierUtterances() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        SpeechModel learning =
                around(
                        inner ->
                                new Transcriber() {
                                    @Override
                                    public Transcript transcribe(
                                            float[][] features, StreamMean history) {
                                        heard.add(Math.round(history.frames()) + "");
                                        return inner.transcribe(features, history);
                                    }

                                    @Override
                                    public StreamMean remember(
                                            StreamMean history, float[][] features) {
                                        return history.plus(features);
                                    }
                                });
        WavFile wav = WavFile.read(DIGITS);
        try (Harness h = new Harness(Map.of(), learning)) {
            stream(h, wav.samples(), wav.sampleRate(), 0, true);
            assertThat(finals(h.transcripts())).hasSizeGreaterThan(1);
            assertThat(heard.get(0)).as("the stream's first utterance").isEqualTo("0");
            assertThat(Long.parseLong(heard.get(heard.size() - 1)))
                    .as("its last utterance, after the others")
                    .isPositive();
            heard.clear();
            h.stream(wav.samples(), wav.sampleRate(), 0, true);
            assertThat(heard.get(0)).as("a stream that ended starts afresh").isEqualTo("0");
        }
    }

    /** The shipped model with each transcriber wrapped by {@code wrap}. */
    private static SpeechModel around(java.util.function.UnaryOperator<Transcriber> wrap) {
        return new SpeechModel() {
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
                return wrap.apply(model.newTranscriber());
            }

            @Override
            public void close() {}
        };
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
