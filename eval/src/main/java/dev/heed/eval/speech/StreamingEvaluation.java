package dev.heed.eval.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.audio.Pcm16;
import dev.heed.audio.Resampler;
import dev.heed.models.speech.EditDistance;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.cli.AudioChunks;
import dev.heed.streams.transcription.AudioTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Isolated recordings through the audio topology as live streams, to check the segmentation the
 * {@code audio.vad.*} settings give: each recording, with {@value #PAD_MS} ms of digital silence
 * before and after (FSDD clips are trimmed at the speech), is sent in 100 ms chunks as its own
 * stream; a recording is segmented right when it yields exactly one non-empty final transcript, and
 * transcribed right when its finals joined say its label.
 */
public final class StreamingEvaluation {
    static final int PAD_MS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param recordings how many were streamed
     * @param oneFinal those that gave exactly one non-empty final transcript
     * @param correct those whose finals, joined, say the label
     * @param finals non-empty final transcripts in all
     */
    public record Result(int recordings, int oneFinal, int correct, int finals) {}

    /**
     * @param strings how many digit strings were streamed
     * @param words their words in all
     * @param kinds substituted, deleted and inserted words over all strings
     * @param finals non-empty final transcripts in all
     */
    public record StringResult(int strings, long words, long[] kinds, int finals) {
        /** Word error rate: edits over words. */
        public double wer() {
            return (kinds[0] + kinds[1] + kinds[2]) / (double) Math.max(1, words);
        }
    }

    /**
     * How the streams are made: the model and configuration of the topology, the model's sample
     * {@code rate}, the {@code inputRate} each stream is resampled to and sent at (as a microphone
     * at that rate would; the topology resamples it back), {@code around}, what each padded stream
     * passes through first (at {@code rate}: background sound heard before, during and after the
     * speech, as a live microphone hears it; {@link Babble#background}), how many milliseconds of
     * the stream follow the speech ({@code tailMs}: silence, or what {@code around} adds; {@value
     * #PAD_MS} before it), and the state directory.
     */
    public record Setup(
            SpeechModel model,
            HeedConfig config,
            int rate,
            int inputRate,
            UnaryOperator<float[]> around,
            int tailMs,
            Path stateDir) {

        /** Quiet streams sent at the model's own rate, {@value #PAD_MS} ms after the speech. */
        public Setup(SpeechModel model, HeedConfig config, int rate, Path stateDir) {
            this(model, config, rate, rate, UnaryOperator.identity(), PAD_MS, stateDir);
        }

        /** The same streams passing through {@code background} first. */
        public Setup hearing(UnaryOperator<float[]> background) {
            return new Setup(model, config, rate, inputRate, background, tailMs, stateDir);
        }
    }

    private StreamingEvaluation() {}

    /** Streams every recording through the audio topology, each its own stream. */
    public static Result run(Setup setup, List<Recording> recordings) {
        int[] counts = new int[3]; // one final, correct, finals
        stream(
                setup,
                recordings.stream().map(Recording::samples).toList(),
                (i, texts) -> {
                    counts[2] += texts.size();
                    counts[0] += texts.size() == 1 ? 1 : 0;
                    counts[1] += String.join(" ", texts).equals(recordings.get(i).label()) ? 1 : 0;
                });
        return new Result(recordings.size(), counts[0], counts[1], counts[2]);
    }

    /**
     * Streams every digit string as {@link #run} streams a recording, each its own stream, and
     * scores the words of its finals, joined, against the string's: the word error rate a live feed
     * of spoken digit strings gets (the VAD splits a string at pauses longer than {@code
     * audio.vad.hangover}, and each piece's {@code audio.preroll} may reach into the word before).
     */
    public static StringResult runStrings(Setup setup, List<DigitStrings.Utterance> strings) {
        long[] kinds = new long[3];
        long[] counts = new long[2]; // words, finals
        stream(
                setup,
                strings.stream().map(DigitStrings.Utterance::samples).toList(),
                (i, texts) -> {
                    List<String> hyp = new ArrayList<>();
                    for (String t : texts) {
                        hyp.addAll(Arrays.asList(t.strip().split("\\s+")));
                    }
                    List<String> ref = strings.get(i).words();
                    int[] k = EditDistance.kinds(ref, hyp);
                    for (int j = 0; j < kinds.length; j++) {
                        kinds[j] += k[j];
                    }
                    counts[0] += ref.size();
                    counts[1] += texts.size();
                });
        return new StringResult(strings.size(), counts[0], kinds, (int) counts[1]);
    }

    /**
     * Each of {@code audio}, padded and passed through the setup's {@code around}, as its own
     * stream; its non-empty finals to {@code finals}.
     */
    private static void stream(
            Setup setup, List<float[]> audio, BiConsumer<Integer, List<String>> finals) {
        HeedConfig config = setup.config();
        Properties props = new Properties();
        props.putAll(HeedApp.streamsProperties(config));
        props.put("state.dir", setup.stateDir().toString());
        SpeechSource source = SpeechSource.of(setup.model()); // the setup's model: not closed here
        try (TopologyTestDriver driver =
                new TopologyTestDriver(
                        AudioTopology.addTo(new Topology(), config, source, new RouteCounters()),
                        props)) {
            TestInputTopic<byte[], byte[]> in =
                    driver.createInputTopic(
                            config.getString(HeedKeys.TOPIC_AUDIO),
                            new ByteArraySerializer(),
                            new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out =
                    driver.createOutputTopic(
                            config.getString(HeedKeys.TOPIC_TRANSCRIPTS),
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
            for (int n = 0; n < audio.size(); n++) {
                float[] x =
                        setup.around().apply(padded(audio.get(n), setup.rate(), setup.tailMs()));
                if (setup.inputRate() != setup.rate()) {
                    x = Resampler.resample(x, setup.rate(), setup.inputRate());
                }
                send(in, "eval-" + n, x, setup.inputRate());
                finals.accept(n, finalTexts(out));
            }
        } finally {
            if (source.later() != null) {
                source.later().close(); // speech.model.later.dir's, loaded for this run
            }
        }
    }

    private static float[] padded(float[] x, int rate, int tailMs) {
        int pad = rate * PAD_MS / 1000;
        float[] y = new float[x.length + pad + (int) ((long) rate * tailMs / 1000)];
        System.arraycopy(x, 0, y, pad, x.length);
        return y;
    }

    private static void send(
            TestInputTopic<byte[], byte[]> in, String stream, float[] x, int rate) {
        int per = rate / 10;
        int chunks = (x.length + per - 1) / per;
        byte[] key = stream.getBytes(StandardCharsets.UTF_8);
        for (int c = 0; c < chunks; c++) {
            RecordHeaders h = AudioChunks.headers(rate, c, c == chunks - 1);
            byte[] pcm =
                    Pcm16.encodeMono(
                            Arrays.copyOfRange(x, c * per, Math.min(x.length, (c + 1) * per)));
            in.pipeInput(new TestRecord<>(key, pcm, h));
        }
    }

    private static List<String> finalTexts(TestOutputTopic<byte[], byte[]> out) {
        List<String> texts = new ArrayList<>();
        for (byte[] v : out.readValuesToList()) {
            try {
                JsonNode t = JSON.readTree(v);
                if (t.path("final").asBoolean() && !t.path("text").asText().isEmpty()) {
                    texts.add(t.path("text").asText());
                }
            } catch (IOException e) {
                throw new HeedStreamsException(
                        "unreadable transcript from the audio topology: " + e.getMessage(), e);
            }
        }
        return texts;
    }
}
