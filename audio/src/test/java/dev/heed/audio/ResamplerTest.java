package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void shouldKeepASinesFrequencyFrom16To8kHz() {
        float[] x = SignalsForTest.sine(1000, 0.5, 16000, 16000);
        float[] y = Resampler.resample(x, 16000, 8000);
        assertThat(y).hasSize(8000);
        float[] power = new PowerSpectrum(256, 256).of(java.util.Arrays.copyOfRange(y, 4000, 4256));
        int peak = 0;
        for (int k = 1; k < power.length; k++) {
            peak = power[k] > power[peak] ? k : peak;
        }
        assertThat(peak).isEqualTo(32); // 1000 Hz at 8 kHz / 256
    }

    @Test
    void shouldRemoveAToneAboveTheNewNyquist() {
        float[] x = SignalsForTest.sine(6000, 0.5, 16000, 16000);
        float[] y = Resampler.resample(x, 16000, 8000);
        double rms = 0;
        for (int i = 1000; i < 7000; i++) {
            rms += y[i] * y[i];
        }
        assertThat(Math.sqrt(rms / 6000)).isLessThan(0.02); // a 0.35 RMS tone, filtered out
    }

    @Test
    void shouldResampleOddRatesToTheRequestedLength() {
        assertThat(Resampler.resample(new float[44100], 44100, 8000)).hasSize(8000);
    }
}
