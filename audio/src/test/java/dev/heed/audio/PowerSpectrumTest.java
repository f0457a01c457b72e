package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.tarsos.dsp.pitch.Yin;
import org.junit.jupiter.api.Test;

class PowerSpectrumTest {

    @Test
    void shouldPeakAtTheBinOfASine() {
        // 1000 Hz at 8 kHz with a 256-point FFT lies exactly on bin 1000 / 31.25 = 32
        float[] frame = SignalsForTest.sine(1000, 0.5, 8000, 200);
        float[] power = new PowerSpectrum(200, 256).of(frame);
        int peak = 0;
        for (int k = 1; k < power.length; k++) {
            peak = power[k] > power[peak] ? k : peak;
        }
        assertThat(power).hasSize(129);
        assertThat(peak).isEqualTo(32);
        assertThat(PowerSpectrum.binHz(peak, 256, 8000)).isEqualTo(1000.0);
    }

    @Test
    void shouldGiveParsevalsEnergyOfTheWindowedFrame() {
        float[] frame = SignalsForTest.noise(0.3, 256, 7);
        PowerSpectrum spectrum = new PowerSpectrum(256, 256);
        float[] power = spectrum.of(frame);
        float[] w = PowerSpectrum.hamming(256);
        double time = 0;
        for (int i = 0; i < 256; i++) {
            time += Math.pow(frame[i] * w[i], 2);
        }
        // sum over the full spectrum of |X|^2 = N * sum |x|^2; bins 1..N/2-1 count twice
        double freq = power[0] + power[128];
        for (int k = 1; k < 128; k++) {
            freq += 2 * power[k];
        }
        assertThat(freq / 256).isCloseTo(time, within(time * 1e-4));
    }

    @Test
    void shouldFindTheSinePitchWithTarsosYin() {
        float[] x = SignalsForTest.sine(220, 0.5, 8000, 1024);
        float pitch = new Yin(8000, 1024).getPitch(x).getPitch();
        assertThat(pitch).isCloseTo(220f, within(1f));
    }
}
