package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A fixed colouring of the spectrum cancels; silence does not dilute the mean. */
class UtteranceMeanTest {

    private static float[][] speech(Random random, int frames, int mels) {
        float[][] x = new float[frames][mels];
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < mels; m++) {
                x[t][m] = (float) (-5 + Math.sin(t * 0.3 + m) + 0.3 * random.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void shouldCancelAConstantOffsetPerMel() {
        float[][] x = speech(new Random(1), 50, 8);
        float[][] coloured = new float[50][8];
        for (int t = 0; t < 50; t++) {
            for (int m = 0; m < 8; m++) {
                coloured[t][m] = x[t][m] + 0.4f * m - 1f;
            }
        }
        float[][] a = UtteranceMean.apply(x);
        float[][] b = UtteranceMean.apply(coloured);
        for (int t = 0; t < 50; t++) {
            for (int m = 0; m < 8; m++) {
                assertThat(b[t][m]).isCloseTo(a[t][m], within(1e-4f));
            }
        }
    }

    @Test
    void shouldTakeTheMeanOverSpeechFramesOnly() {
        float[][] x = speech(new Random(2), 40, 8);
        float[][] padded = new float[100][];
        for (int t = 0; t < 100; t++) {
            padded[t] = t < 40 ? x[t] : new float[] {-23, -23, -23, -23, -23, -23, -23, -23};
        }
        float[][] a = UtteranceMean.apply(x);
        float[][] b = UtteranceMean.apply(padded);
        for (int t = 0; t < 40; t++) {
            for (int m = 0; m < 8; m++) {
                assertThat(b[t][m]).isCloseTo(a[t][m], within(1e-4f));
            }
        }
    }
}
