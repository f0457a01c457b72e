package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import dev.heed.audio.MelFilterbank;
import org.junit.jupiter.api.Test;

/**
 * {@link Vtlp}: channel {@code m} of a warped frame shows what the frame has at {@code alpha f_m},
 * so the peak of a tone at {@code f} moves to {@code f / alpha}; the band's top stays put.
 */
class VtlpTest {
    private static final FeatureConfig FEATURES = FeatureConfig.speech8k();

    @Test
    void shouldMoveATonesPeakToItsFrequencyOverAlpha() {
        float[][] tone = LogMelExtractor.extract(FEATURES, tone(1000));
        double peak = peakHz(tone);
        for (double alpha : new double[] {0.9, 1.1}) {
            double moved = peakHz(Vtlp.warp(tone, FEATURES, alpha));
            assertThat(moved)
                    .as("peak of a 1 kHz tone (%.0f Hz unwarped) after a warp by %s", peak, alpha)
                    .isCloseTo(peak / alpha, org.assertj.core.data.Percentage.withPercentage(4));
        }
    }

    @Test
    void shouldKeepTheFramesWhenAlphaIsOneAndTheBandsEdges() {
        float[][] tone = LogMelExtractor.extract(FEATURES, tone(1000));
        assertThat(Vtlp.warp(tone, FEATURES, 1.0)).isDeepEqualTo(tone);
        for (double alpha : new double[] {0.9, 1.1}) {
            double[] source = Vtlp.sourceChannels(FEATURES, alpha);
            assertThat(source[FEATURES.mels() - 1]).isCloseTo(FEATURES.mels() - 1, within(0.6));
            for (int m = 1; m < source.length; m++) {
                assertThat(source[m])
                        .as("channel %d, alpha %s", m, alpha)
                        .isGreaterThanOrEqualTo(source[m - 1]);
            }
        }
    }

    @Test
    void shouldRefuseAWarpOutsideTheUsualRange() {
        assertThatThrownBy(() -> Vtlp.sourceChannels(FEATURES, 2.0))
                .hasMessageContaining("(0.5, 1.5): 2.0");
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    /** The frequency of the channel with the highest mean log-mel, refined by a parabola. */
    private static double peakHz(float[][] frames) {
        int mels = frames[0].length;
        double[] mean = new double[mels];
        for (float[] f : frames) {
            for (int m = 0; m < mels; m++) {
                mean[m] += f[m] / frames.length;
            }
        }
        int best = 1;
        for (int m = 1; m < mels - 1; m++) {
            best = mean[m] > mean[best] ? m : best;
        }
        double a = mean[best - 1];
        double b = mean[best];
        double c = mean[best + 1];
        double q = best + 0.5 * (a - c) / (a - 2 * b + c);
        double lo = MelFilterbank.hzToMel(FEATURES.minHz());
        double hi = MelFilterbank.hzToMel(FEATURES.maxHz());
        return MelFilterbank.melToHz(lo + (hi - lo) * (q + 1) / (mels + 1));
    }

    private static float[] tone(double hz) {
        float[] x = new float[FEATURES.sampleRate() / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / FEATURES.sampleRate()));
        }
        return x;
    }
}
