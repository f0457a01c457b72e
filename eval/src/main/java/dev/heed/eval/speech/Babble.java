package dev.heed.eval.speech;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Babble noise: {@value #VOICES} other recordings of the corpus spoken at once, looped to the
 * utterance's length and scaled so that the speech (its non-zero samples; padding is digital
 * silence) is {@code snrDb} above it.
 */
public final class Babble {

    /** Recordings mixed into one babble. */
    static final int VOICES = 3;

    /** No word spans: babble is levelled below all the speech. */
    static final int[][] NO_WORDS = new int[0][];

    private Babble() {}

    /** {@code recognizer} hearing every utterance through babble at {@code snrDb}, seeded. */
    public static Recognize noisy(
            Recognize recognizer, List<Recording> pool, double snrDb, long seed) {
        Random random = new Random(seed);
        return recognizer.hearing(samples -> mix(samples, pool, snrDb, random));
    }

    /**
     * Babble of {@code pool} over a whole stream (its padding too, as a room's chatter goes on
     * before and after the speech), levelled {@code snrDb} below the stream's non-zero samples;
     * seeded.
     */
    public static UnaryOperator<float[]> background(List<Recording> pool, double snrDb, long seed) {
        Random random = new Random(seed);
        return stream -> mix(stream, pool, snrDb, random);
    }

    /**
     * Scores {@code recognizer} on {@code isolated} and {@code strings} heard through babble of the
     * isolated recordings themselves at {@code snrDb} ({@link SpeechEvaluation#run}), seeded.
     */
    public static SpeechEvaluation.Result score(
            Recognize recognizer,
            List<Recording> isolated,
            List<DigitStrings.Utterance> strings,
            int sampleRate,
            double snrDb,
            long seed) {
        return SpeechEvaluation.run(
                noisy(recognizer, isolated, snrDb, seed), isolated, strings, sampleRate);
    }

    /**
     * {@code mixed} (speech plus babble) over a random stretch, {@code speech} elsewhere: the
     * stretch starts in the first half and ends in the second, with 10 ms ramps; a new array.
     */
    static float[] within(float[] speech, float[] mixed, Random random) {
        int n = speech.length;
        int from = random.nextInt(Math.max(1, n / 2));
        int to = n / 2 + random.nextInt(Math.max(1, n - n / 2));
        int ramp = Math.max(1, Math.min(80, (to - from) / 4));
        float[] out = speech.clone();
        for (int i = from; i < to; i++) {
            double w = Math.min(1, Math.min(i - from + 1, to - i) / (double) ramp);
            out[i] = (float) (speech[i] + w * (mixed[i] - speech[i]));
        }
        return out;
    }

    /** {@code speech} plus babble at {@code snrDb}; a new array. */
    static float[] mix(float[] speech, List<Recording> pool, double snrDb, Random random) {
        return mix(speech, pool, snrDb, random, NO_WORDS);
    }

    /**
     * {@code speech} plus babble at {@code snrDb} below its quietest word: the mean power of each
     * {@code [start, end)} sample span of {@code words}, the least of them (a string's quiet word
     * stays above the babble); with no spans, below the speech's non-zero samples; a new array.
     */
    static float[] mix(
            float[] speech, List<Recording> pool, double snrDb, Random random, int[][] words) {
        float[] noise = new float[speech.length];
        for (int v = 0; v < VOICES; v++) {
            float[] r = pool.get(random.nextInt(pool.size())).samples();
            int offset = random.nextInt(r.length);
            for (int i = 0; i < noise.length; i++) {
                noise[i] += r[(offset + i) % r.length];
            }
        }
        double speechPower = words.length > 0 ? quietest(speech, words) : nonZeroPower(speech);
        return added(speech, noise, speechPower, snrDb);
    }

    /** {@code speech} plus {@code noise} scaled to {@code snrDb} below {@code speechPower}. */
    static float[] added(float[] speech, float[] noise, double speechPower, double snrDb) {
        double noisePower = 0;
        for (float x : noise) {
            noisePower += x * (double) x;
        }
        noisePower /= Math.max(1, noise.length);
        double scale =
                noisePower > 0 ? Math.sqrt(speechPower / noisePower / Math.pow(10, snrDb / 10)) : 0;
        float[] out = new float[speech.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (speech[i] + scale * noise[i]);
        }
        return out;
    }

    /** The mean power of {@code speech}'s non-zero samples (padding is digital silence). */
    static double nonZeroPower(float[] speech) {
        double power = 0;
        int n = 0;
        for (float x : speech) {
            if (x != 0f) {
                power += x * (double) x;
                n++;
            }
        }
        return power / Math.max(1, n);
    }

    /** The least mean power over the {@code [start, end)} spans of {@code speech}. */
    static double quietest(float[] speech, int[][] spans) {
        double least = Double.POSITIVE_INFINITY;
        for (int[] span : spans) {
            int from = Math.max(0, span[0]);
            int to = Math.min(speech.length, span[1]);
            double power = 0;
            for (int i = from; i < to; i++) {
                power += speech[i] * (double) speech[i];
            }
            if (to > from) {
                least = Math.min(least, power / (to - from));
            }
        }
        return Double.isInfinite(least) ? 0 : least;
    }
}
