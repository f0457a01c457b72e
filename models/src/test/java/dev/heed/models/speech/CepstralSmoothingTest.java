package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CepstralSmoothingTest {

    private static final int MELS = 40;

    /** A smooth envelope (a formant-like bump) plus a fast ripple across mels (harmonics). */
    private static float envelope(int m) {
        return (float) (-4 + 3 * Math.exp(-Math.pow((m - 12) / 6.0, 2)));
    }

    private static float ripple(int m) {
        return (float) (0.8 * Math.cos(Math.PI * 30 * (m + 0.5) / MELS));
    }

    @Test
    void shouldKeepTheEnvelopeAndRemoveTheHarmonicRipple() {
        float[][] frame = new float[1][MELS];
        for (int m = 0; m < MELS; m++) {
            frame[0][m] = envelope(m) + ripple(m);
        }
        float[][] smooth = new CepstralSmoothing(MELS, 13).apply(frame);
        double rippleLeft = 0;
        double envelopeError = 0;
        for (int m = 0; m < MELS; m++) {
            envelopeError = Math.max(envelopeError, Math.abs(smooth[0][m] - envelope(m)));
            rippleLeft += (smooth[0][m] - envelope(m)) * ripple(m);
        }
        assertThat(envelopeError).isLessThan(0.05);
        assertThat(Math.abs(rippleLeft)).isLessThan(0.05 * MELS);
    }

    @Test
    void shouldKeepEachFramesMean() {
        float[][] frames = new float[3][MELS];
        for (int t = 0; t < 3; t++) {
            for (int m = 0; m < MELS; m++) {
                frames[t][m] = envelope(m) + ripple(m) * t - t;
            }
        }
        float[][] smooth = new CepstralSmoothing(MELS, 5).apply(frames);
        for (int t = 0; t < 3; t++) {
            double before = 0;
            double after = 0;
            for (int m = 0; m < MELS; m++) {
                before += frames[t][m];
                after += smooth[t][m];
            }
            assertThat(after / MELS).isCloseTo(before / MELS, within(1e-4));
        }
    }

    @Test
    void shouldLeaveFramesAloneWhenKeepingEveryCoefficientOrNone() {
        float[][] frames = {{1f, 2f, 3f}, {4f, 5f, 6f}};
        assertThat(new CepstralSmoothing(3, 0).apply(frames)).isSameAs(frames);
        assertThat(new CepstralSmoothing(3, 3).apply(frames)).isSameAs(frames);
    }

    @Test
    void shouldLoseNothingOfAFrameMadeOfTheKeptCoefficients() {
        float[][] frame = new float[1][MELS];
        for (int m = 0; m < MELS; m++) {
            frame[0][m] = (float) (1 + Math.cos(Math.PI * 3 * (m + 0.5) / MELS));
        }
        float[][] smooth = new CepstralSmoothing(MELS, 4).apply(frame);
        for (int m = 0; m < MELS; m++) {
            assertThat(smooth[0][m]).isCloseTo(frame[0][m], within(1e-5f));
        }
    }
}
