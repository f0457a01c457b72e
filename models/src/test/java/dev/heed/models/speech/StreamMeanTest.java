package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A stream's mean cancels the microphone's colouring as an utterance's own mean does, keeps the
 * word's own spectrum, forgets an earlier speaker past its cap, and survives the store.
 */
class StreamMeanTest {

    private static final int MELS = 8;

    /** Speech frames around {@code level} per mel with a word's {@code shape} on top. */
    private static float[][] word(Random random, double[] shape, double offset) {
        float[][] x = new float[40][MELS];
        for (int t = 0; t < x.length; t++) {
            for (int m = 0; m < MELS; m++) {
                x[t][m] = (float) (-5 + shape[m] + offset * m + 0.3 * random.nextGaussian());
            }
        }
        return x;
    }

    private static double[] shape(Random random) {
        double[] s = new double[MELS];
        for (int m = 0; m < MELS; m++) {
            s[m] = random.nextGaussian();
        }
        return s;
    }

    private static double meanOf(float[][] x, int mel) {
        double sum = 0;
        for (float[] f : x) {
            sum += f[mel];
        }
        return sum / x.length;
    }

    private static StreamMean history(Random random, int words, double offset) {
        StreamMean h = StreamMean.NONE;
        for (int i = 0; i < words; i++) {
            h = h.plus(word(random, shape(random), offset));
        }
        return h;
    }

    @Test
    void shouldBeTheUtterancesOwnMeanWithoutHistory() {
        float[][] x = word(new Random(1), shape(new Random(2)), 0.3);
        float[][] a = StreamMean.NONE.subtract(x);
        for (int m = 0; m < MELS; m++) {
            assertThat(meanOf(a, m)).isCloseTo(0, within(1e-4));
        }
    }

    @Test
    void shouldCancelTheMicrophoneAndKeepTheWord() {
        double[] six = shape(new Random(3));
        float[][] plain = word(new Random(4), six, 0);
        float[][] coloured = word(new Random(4), six, 0.4);
        float[][] a = history(new Random(5), 10, 0).subtract(plain);
        float[][] b = history(new Random(5), 10, 0.4).subtract(coloured);
        double kept = 0;
        for (int m = 0; m < MELS; m++) {
            assertThat(meanOf(b, m)).as("mel %d", m).isCloseTo(meanOf(a, m), within(1e-3));
            kept += Math.abs(meanOf(a, m));
        }
        assertThat(kept / MELS)
                .as("the word's own spectrum is still there (its own mean would zero it)")
                .isGreaterThan(0.3);
    }

    @Test
    void shouldForgetAnEarlierSpeakerPastTheCap() {
        StreamMean h = history(new Random(6), 30, 0);
        assertThat(h.frames()).isEqualTo(StreamMean.CAP);
        StreamMean moved = h;
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            moved = moved.plus(word(random, shape(random), 1.0));
        }
        float[][] probe = word(new Random(8), new double[MELS], 1.0);
        float[][] after = moved.subtract(probe);
        for (int m = 0; m < MELS; m++) {
            assertThat(meanOf(after, m))
                    .as("mel %d: the new microphone's colouring is gone", m)
                    .isCloseTo(0, within(0.4));
        }
    }

    @Test
    void shouldPullAFirstUtteranceTowardsThePriorUntilTheStreamHasItsFrames() {
        double[] six = shape(new Random(12));
        float[][] first = word(new Random(13), six, 0);
        List<Double> population = new ArrayList<>();
        for (int m = 0; m < MELS; m++) {
            population.add(-5.0);
        }
        StreamPrior prior = new StreamPrior(120, population);
        float[][] own = StreamMean.NONE.subtract(first);
        float[][] pulled = StreamMean.NONE.subtract(first, prior);
        double kept = 0;
        for (int m = 0; m < MELS; m++) {
            // 40 own speech frames and 120 of the prior: 1/4 of the word's own mean is taken out
            assertThat(meanOf(pulled, m)).as("mel %d", m).isCloseTo(0.75 * six[m], within(0.05));
            kept += Math.abs(meanOf(pulled, m) - meanOf(own, m));
        }
        assertThat(kept / MELS).as("the word's spectrum the prior keeps").isGreaterThan(0.3);
        StreamMean some = history(new Random(14), 1, 0);
        assertThat(some.frames()).as("the prior is never stored").isEqualTo(40);
        StreamMean enough = history(new Random(14), 3, 0);
        assertThat(enough.subtract(first, prior))
                .as("120 frames of the stream's own: the prior weighs nothing")
                .isDeepEqualTo(enough.subtract(first));
        assertThat(some.subtract(first, prior)).isNotEqualTo(some.subtract(first));
    }

    @Test
    void shouldReadBackWhatItWrote() {
        StreamMean h = history(new Random(9), 3, 0.2);
        StreamMean back = StreamMean.fromBytes(h.toBytes());
        float[][] x = word(new Random(10), shape(new Random(11)), 0.2);
        assertThat(back.frames()).isEqualTo(h.frames());
        assertThat(back.subtract(x)).isDeepEqualTo(h.subtract(x));
        assertThat(StreamMean.fromBytes(null)).isSameAs(StreamMean.NONE);
    }
}
