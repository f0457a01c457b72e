package dev.heed.eval.speech;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import dev.heed.models.speech.EditDistance;
import dev.heed.models.speech.SpeechToken;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.Transcriber;
import dev.heed.models.speech.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores a recogniser: isolated-word accuracy per speaker and overall, word error rate on strings
 * joined from the same recordings, and the real-time factor (processing seconds per audio second,
 * one thread).
 */
public final class SpeechEvaluation {

    /** Silence added before and after each isolated recording, seconds. */
    public static final double PAD_SECONDS = 0.2;

    private static final long HEARD_ORDER_SEED = 17;

    private SpeechEvaluation() {}

    /**
     * Figures of one recogniser.
     *
     * @param correctBySpeaker per speaker: correct, total
     * @param wordErrors edits over all strings
     * @param words reference words over all strings
     * @param processingSeconds time spent recognising (features and model)
     * @param audioSeconds audio recognised
     * @param errorKinds the strings' word errors as substitutions, deletions, insertions
     * @param heard every recording and string in the order heard, with what was heard
     */
    public record Result(
            Map<String, int[]> correctBySpeaker,
            long wordErrors,
            long words,
            double processingSeconds,
            double audioSeconds,
            long[] errorKinds,
            List<Heard> heard) {

        /** Up to 20 isolated recordings heard wrong, "file: reference -> 'hypothesis'". */
        public List<String> confusions() {
            return wrong("isolated", h -> h.item() + ": " + h.reference().get(0));
        }

        /** Up to 20 strings with errors, "reference -> 'hypothesis'". */
        public List<String> stringConfusions() {
            return wrong("string", h -> String.join(" ", h.reference()));
        }

        private List<String> wrong(String kind, Function<Heard, String> said) {
            return heard.stream()
                    .filter(h -> h.kind().equals(kind) && h.errorCount() > 0)
                    .limit(20)
                    .map(h -> said.apply(h) + " -> '" + h.hypothesis() + "'")
                    .toList();
        }

        public double accuracy() {
            int c = 0;
            int n = 0;
            for (int[] v : correctBySpeaker.values()) {
                c += v[0];
                n += v[1];
            }
            return c / (double) Math.max(1, n);
        }

        public double wer() {
            return wordErrors / (double) Math.max(1, words);
        }

        public double realTimeFactor() {
            return processingSeconds / Math.max(1e-9, audioSeconds);
        }
    }

    /**
     * One recording or string as the recogniser heard it.
     *
     * @param kind {@code isolated} or {@code string}
     * @param item the recording's file name; for a string, its number in the evaluation's order
     * @param speaker who said it (null when the words are by several)
     * @param reference the words said
     * @param hypothesis the words heard
     * @param errors word errors against the reference: substituted, dropped, inserted
     */
    public record Heard(
            String kind,
            String item,
            String speaker,
            List<String> reference,
            String hypothesis,
            int[] errors) {

        int errorCount() {
            return errors[0] + errors[1] + errors[2];
        }
    }

    /**
     * Heed's model, one stream per speaker: each utterance is transcribed with what the speaker's
     * earlier utterances left ({@link Transcriber#remember}; only a {@code stream_mean} model keeps
     * anything), as the audio topology does per stream.
     */
    public static Recognize heed(Transcriber transcriber, FeatureConfig features) {
        Map<String, StreamMean> streams = new HashMap<>();
        boolean learns =
                transcriber.remember(StreamMean.NONE, new float[1][features.mels()])
                        != StreamMean.NONE;
        return new Recognize() {
            @Override
            public String words(String speaker, float[] samples) {
                float[][] x = LogMelExtractor.extract(features, samples);
                StreamMean history = streams.getOrDefault(speaker, StreamMean.NONE);
                String words = transcriber.transcribe(x, history).text();
                streams.put(speaker, transcriber.remember(history, x));
                return words;
            }

            @Override
            public boolean learnsStreams() {
                return learns;
            }
        };
    }

    /** Heed's model hearing every utterance as the first of its stream. */
    public static Recognize heedFirst(Transcriber transcriber, FeatureConfig features) {
        return (speaker, samples) ->
                transcriber.transcribe(LogMelExtractor.extract(features, samples)).text();
    }

    /** The digit strings the evaluation uses: {@code count} strings of 3-7 words, seeded. */
    public static List<DigitStrings.Utterance> strings(
            List<Recording> recordings, int sampleRate, int count, long seed) {
        DigitStrings s = new DigitStrings(recordings, sampleRate);
        Random random = new Random(seed);
        List<DigitStrings.Utterance> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(pad(s.next(random, 3 + random.nextInt(5), 0.1, 0.4, 0), sampleRate));
        }
        return out;
    }

    /**
     * Like {@link #strings} but each word by any speaker of the recordings: a conversation, or
     * voices a babble-trained model may take for background.
     */
    public static List<DigitStrings.Utterance> mixedStrings(
            List<Recording> recordings, int sampleRate, int count, long seed) {
        return strings(DigitStrings.asOneSpeaker(recordings), sampleRate, count, seed);
    }

    /**
     * Isolated recordings as they are, without the silence {@link #run} puts around them: {correct,
     * total}.
     */
    public static int[] unpadded(Recognize recognizer, List<Recording> isolated) {
        int correct = 0;
        for (Recording r : heardOrder(isolated, recognizer)) {
            if (recognizer.words(r.speaker(), r.samples()).strip().equals(r.label())) {
                correct++;
            }
        }
        return new int[] {correct, isolated.size()};
    }

    /**
     * Scores {@code recognizer} (samples at {@code sampleRate} to words): the isolated recordings
     * in the order {@link #heardOrder} gives, then the strings.
     */
    public static Result run(
            Recognize recognizer,
            List<Recording> isolated,
            List<DigitStrings.Utterance> strings,
            int sampleRate) {
        Map<String, int[]> bySpeaker = new TreeMap<>();
        List<Heard> heard = new ArrayList<>();
        double busy = 0;
        double audio = 0;
        for (Recording r : heardOrder(isolated, recognizer)) {
            DigitStrings.Utterance u =
                    pad(new DigitStrings.Utterance(r.samples(), List.of(r.label())), sampleRate);
            long t0 = System.nanoTime();
            String said = recognizer.words(r.speaker(), u.samples()).strip();
            busy += (System.nanoTime() - t0) / 1e9;
            audio += u.samples().length / (double) sampleRate;
            int[] v = bySpeaker.computeIfAbsent(r.speaker(), k -> new int[2]);
            v[1]++;
            heard.add(
                    new Heard(
                            "isolated",
                            r.file().getFileName().toString(),
                            r.speaker(),
                            List.of(r.label()),
                            said,
                            EditDistance.kinds(List.of(r.label()), words(said))));
            if (said.equals(r.label())) {
                v[0]++;
            }
        }
        long errors = 0;
        long words = 0;
        long[] kinds = new long[3];
        int stringNo = 0;
        for (DigitStrings.Utterance u : strings) {
            long t0 = System.nanoTime();
            String said = recognizer.words(u.speaker(), u.samples()).strip();
            busy += (System.nanoTime() - t0) / 1e9;
            audio += u.samples().length / (double) sampleRate;
            int[] k = EditDistance.kinds(u.words(), words(said));
            heard.add(
                    new Heard(
                            "string",
                            Integer.toString(stringNo++),
                            u.speaker(),
                            u.words(),
                            said,
                            k));
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] += k[i];
                errors += k[i];
            }
            words += u.words().size();
        }
        return new Result(bySpeaker, errors, words, busy, audio, kinds, heard);
    }

    private static List<String> words(String said) {
        return said.isEmpty() ? List.of() : Arrays.asList(said.split("\\s+"));
    }

    /**
     * {@code isolated} in the order {@code recognizer} hears them: as given, or shuffled with a
     * fixed seed for one that learns its streams.
     */
    static List<Recording> heardOrder(List<Recording> isolated, Recognize recognizer) {
        if (!recognizer.learnsStreams()) {
            return isolated;
        }
        List<Recording> out = new ArrayList<>(isolated);
        Collections.shuffle(out, new Random(HEARD_ORDER_SEED));
        return out;
    }

    private static DigitStrings.Utterance pad(DigitStrings.Utterance u, int sampleRate) {
        int pad = (int) (PAD_SECONDS * sampleRate);
        float[] out = new float[u.samples().length + 2 * pad];
        System.arraycopy(u.samples(), 0, out, pad, u.samples().length);
        double shift = pad / (double) sampleRate;
        List<double[]> spans = new ArrayList<>();
        for (double[] s : u.spans()) {
            spans.add(new double[] {s[0] + shift, s[1] + shift});
        }
        return new DigitStrings.Utterance(out, u.words(), spans, u.speaker());
    }

    /**
     * Where tokens' attention peaks, on digit strings whose word boundaries are known.
     *
     * @param tokens tokens scored: those of strings transcribed with as many tokens as words
     * @param inOwnWord tokens whose attention peak lies inside their own word's audio
     * @param uniform the share a peak placed uniformly at random over the utterance would put
     *     inside its word (each word's length over the utterance's), summed over the same tokens
     */
    public record AttentionPeaks(int tokens, int inOwnWord, double uniform) {
        public double rate() {
            return inOwnWord / (double) Math.max(1, tokens);
        }

        public double uniformRate() {
            return uniform / Math.max(1, tokens);
        }
    }

    /** How often each token's attention peaks inside its own word ({@link AttentionPeaks}). */
    public static AttentionPeaks attentionPeaks(
            Transcriber transcriber, FeatureConfig features, List<DigitStrings.Utterance> strings) {
        int tokens = 0;
        int inside = 0;
        double uniform = 0;
        for (DigitStrings.Utterance u : strings) {
            if (u.spans().size() != u.words().size()) {
                continue;
            }
            Transcript t = transcriber.transcribe(LogMelExtractor.extract(features, u.samples()));
            List<SpeechToken> said = t.tokens();
            if (said.size() != u.words().size()) {
                continue;
            }
            double seconds = u.samples().length / (double) features.sampleRate();
            for (int i = 0; i < said.size(); i++) {
                double[] span = u.spans().get(i);
                double peak = said.get(i).peakSeconds();
                tokens++;
                if (peak >= span[0] && peak < span[1]) {
                    inside++;
                }
                uniform += (span[1] - span[0]) / seconds;
            }
        }
        return new AttentionPeaks(tokens, inside, uniform);
    }
}
