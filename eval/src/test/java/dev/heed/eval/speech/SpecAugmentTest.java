package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Masks set whole mel bands and whole frames to the mean, no more than the limits. */
class SpecAugmentTest {

    @Test
    void shouldMaskAtMostTwoBandsAndTwoSpansWithTheMean() {
        for (int seed = 0; seed < 50; seed++) {
            float[][] x = new float[60][40];
            for (int t = 0; t < 60; t++) {
                for (int m = 0; m < 40; m++) {
                    x[t][m] = 1 + t * 40 + m; // all distinct, mean 1200.5
                }
            }
            SpecAugment.mask(x, new Random(seed));
            int maskedFrames = 0;
            for (float[] frame : x) {
                boolean all = true;
                for (float v : frame) {
                    all &= v == 1200.5f;
                }
                maskedFrames += all ? 1 : 0;
            }
            int maskedMels = 0;
            for (int m = 0; m < 40; m++) {
                int masked = 0;
                for (float[] frame : x) {
                    masked += frame[m] == 1200.5f ? 1 : 0;
                }
                maskedMels += masked == 60 ? 1 : 0;
                assertThat(masked).isIn(60, maskedFrames);
            }
            assertThat(maskedFrames).isLessThanOrEqualTo(2 * SpecAugment.MAX_FRAMES);
            assertThat(maskedMels).isLessThanOrEqualTo(2 * SpecAugment.MAX_MELS);
        }
    }
}
