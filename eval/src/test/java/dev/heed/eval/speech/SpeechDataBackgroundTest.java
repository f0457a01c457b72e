package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.training.SpeechBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --background SHARE}: training utterances that are a room's chatter only, after speech of
 * the stream's own speaker, labelled with no words; babble levelled below that speech.
 */
class SpeechDataBackgroundTest {
    private static final FeatureConfig FEATURES = FeatureConfig.speech8k();
    private static final List<String> VOCABULARY = List.of("<blank>", "one", "two");

    private static List<Recording> pool() {
        List<Recording> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(new Recording(Path.of("a" + i), "one", "a", i, tone(1000, i)));
            pool.add(new Recording(Path.of("b" + i), "two", "b", i, tone(3000, i)));
        }
        return pool;
    }

    private static float[] tone(double hz, int phase) {
        float[] s = new float[2400];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 8000 + phase));
        }
        return s;
    }

    private static SpeechData.Recipe recipe(double background, double snr) {
        return new SpeechData.Recipe(
                1, false, 0, 0, 0, 0, false, 3, 0.5, false, snr, snr, background);
    }

    /** A frame's power (log-mel back to power, summed over mels). */
    private static double power(float[] frame) {
        double p = 0;
        for (float v : frame) {
            p += Math.exp(v);
        }
        return p;
    }

    /** The mean power of {@code frames}, in dB. */
    private static double meanDb(float[][] frames) {
        double sum = 0;
        for (float[] f : frames) {
            sum += power(f);
        }
        return 10 * Math.log10(sum / frames.length);
    }

    /** The power of the loudest of the past's frames (its speech), in dB. */
    private static double loudestDb(float[][][] past) {
        double most = 0;
        for (float[][] frames : past) {
            for (float[] f : frames) {
                most = Math.max(most, power(f));
            }
        }
        return 10 * Math.log10(most);
    }

    /** How far below the past's loudest frame each background utterance is, on average (dB). */
    private static double meanBelow(double snr) {
        SpeechData data = new SpeechData(pool(), VOCABULARY, FEATURES, 5, recipe(1, snr));
        double sum = 0;
        for (int b = 0; b < 10; b++) {
            SpeechBatch batch = data.next(4);
            for (int i = 0; i < 4; i++) {
                assertThat(batch.labels()[i]).as("no words").isEmpty();
                float[][][] past = batch.contextOf(i);
                assertThat(past).as("always after the stream's own speech").isNotEmpty();
                double below = loudestDb(past) - meanDb(batch.features()[i]);
                assertThat(below).as("below the stream's speech").isPositive();
                sum += below;
            }
        }
        return sum / 40;
    }

    @Test
    void shouldMakeBackgroundOnlyUtterancesWithAPastAndNoWordsBelowItsSpeech() {
        double at5 = meanBelow(5);
        double at25 = meanBelow(25);
        // white noise (5-45 dB below the whole signal) adds to the babble, so the gap is less
        // than the SNR; the babble's level still follows it
        assertThat(at25 - at5).isGreaterThan(5.0);
    }

    @Test
    void shouldMakeTheShareAskedForAndLeaveOtherRecipesAsTheyWere() {
        SpeechData half = new SpeechData(pool(), VOCABULARY, FEATURES, 5, recipe(0.5, 10));
        int empty = 0;
        for (int b = 0; b < 30; b++) {
            for (int[] label : half.next(4).labels()) {
                empty += label.length == 0 ? 1 : 0;
            }
        }
        assertThat(empty / 120.0).isBetween(0.35, 0.65);

        SpeechBatch none = new SpeechData(pool(), VOCABULARY, FEATURES, 5, recipe(0, 10)).next(4);
        SpeechBatch before =
                new SpeechData(
                                pool(),
                                VOCABULARY,
                                FEATURES,
                                5,
                                new SpeechData.Recipe(
                                        1, false, 0, 0, 0, 0, false, 3, 0.5, false, 10, 10))
                        .next(4);
        assertThat(none.features()).isDeepEqualTo(before.features());
        assertThat(none.labels()).isDeepEqualTo(before.labels());
    }

    @Test
    void shouldRefuseBackgroundWithoutAStreamPast() {
        assertThatThrownBy(
                        () ->
                                new SpeechData.Recipe(
                                        1, false, 0, 0, 0, 0, false, 0, 0, false, 5, 25, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a stream past");
    }
}
