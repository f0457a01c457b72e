package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MelFilterbankTest {

    @Test
    void shouldMatchHandComputedTriangleWeights() {
        // 2 filters over 0..4000 Hz at 8 kHz, 16-point FFT (bins every 500 Hz).
        // mel(4000) = 2595 log10(1 + 4000/700) = 2146.0645; edges at 0, 715.35, 1430.71, 2146.06
        // mel
        // = 0, 620.58, 1791.33, 4000.00 Hz (700 * (10^(mel/2595) - 1)).
        MelFilterbank fb = new MelFilterbank(2, 16, 8000, 0f, 4000f);
        double e1 = 620.58;
        double e2 = 1791.33;
        // filter 0 rises 0 -> e1, falls e1 -> e2: bin 1 (500 Hz) = 500/e1, bin 2 (1000 Hz) =
        // (e2 - 1000)/(e2 - e1)
        assertThat(fb.weight(0, 0)).isZero();
        assertThat(fb.weight(0, 1)).isCloseTo((float) (500 / e1), within(1e-3f));
        assertThat(fb.weight(0, 2)).isCloseTo((float) ((e2 - 1000) / (e2 - e1)), within(1e-3f));
        assertThat(fb.weight(0, 3)).isCloseTo((float) ((e2 - 1500) / (e2 - e1)), within(1e-3f));
        assertThat(fb.weight(0, 4)).isZero();
        // filter 1 rises e1 -> e2, falls e2 -> 4000: bin 4 (2000 Hz) = (4000 - 2000)/(4000 - e2)
        assertThat(fb.weight(1, 1)).isZero();
        assertThat(fb.weight(1, 2)).isCloseTo((float) ((1000 - e1) / (e2 - e1)), within(1e-3f));
        assertThat(fb.weight(1, 4)).isCloseTo((float) (2000 / (4000 - e2)), within(1e-3f));
        assertThat(fb.weight(1, 8)).isZero();
    }

    @Test
    void shouldSumWeightedPowerIntoEachFilter() {
        MelFilterbank fb = new MelFilterbank(2, 16, 8000, 0f, 4000f);
        float[] power = new float[9];
        power[1] = 2f; // 500 Hz: filter 0 only
        power[4] = 10f; // 2000 Hz: filter 1 only
        float[] mel = fb.apply(power);
        assertThat(mel[0]).isCloseTo(2f * 500 / 620.58f, within(1e-3f));
        assertThat(mel[1]).isCloseTo(10f * 2000 / (4000 - 1791.33f), within(1e-3f));
    }

    @Test
    void shouldSumOverEveryBinAsADenseMatrixWould() {
        // the speech features' filterbank (40 mels, 256-point FFT at 8 kHz), against the sum of
        // weight(m, k) * power[k] over all 129 bins, in the same order: bit for bit
        FeatureConfig c = FeatureConfig.speech8k();
        MelFilterbank fb = MelFilterbank.of(c);
        java.util.Random random = new java.util.Random(7);
        float[] power = new float[c.fftSize() / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            power[k] = random.nextFloat() * (random.nextBoolean() ? 1e6f : 1e-6f);
        }
        float[] mel = fb.apply(power);
        assertThat(mel).hasSize(c.mels());
        for (int m = 0; m < c.mels(); m++) {
            double sum = 0;
            for (int k = 0; k < power.length; k++) {
                sum += fb.weight(m, k) * power[k];
            }
            assertThat(mel[m]).as("filter %d", m).isEqualTo((float) sum).isPositive();
        }
    }

    @Test
    void shouldBuildOneFilterbankPerConfiguration() {
        FeatureConfig c = FeatureConfig.speech8k();
        assertThat(MelFilterbank.of(c)).isSameAs(MelFilterbank.of(FeatureConfig.speech8k()));
    }

    @Test
    void shouldConvertHzToMelAndBack() {
        assertThat(MelFilterbank.hzToMel(700)).isCloseTo(2595 * Math.log10(2), within(1e-9));
        assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(1234.5)))
                .isCloseTo(1234.5, within(1e-6));
    }
}
