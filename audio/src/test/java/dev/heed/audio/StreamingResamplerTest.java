package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingResamplerTest {

    @Test
    void shouldKeepASinesFrequencyAndLevelFrom16To8kHz() {
        float[] y =
                new StreamingResampler(16000, 8000)
                        .accept(SignalsForTest.sine(1000, 0.5, 16000, 16000));
        assertThat(y.length).isBetween(8000 - StreamingResampler.HALF_TAPS, 8000);
        float[] power = new PowerSpectrum(256, 256).of(Arrays.copyOfRange(y, 4000, 4256));
        int peak = 0;
        for (int k = 1; k < power.length; k++) {
            peak = power[k] > power[peak] ? k : peak;
        }
        assertThat(peak).isEqualTo(32);
        double rms = 0;
        for (int i = 1000; i < 7000; i++) {
            rms += y[i] * y[i];
        }
        assertThat(Math.sqrt(rms / 6000)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void shouldRemoveAToneAboveTheNewNyquist() {
        float[] y =
                new StreamingResampler(16000, 8000)
                        .accept(SignalsForTest.sine(6000, 0.5, 16000, 16000));
        double rms = 0;
        for (int i = 1000; i < 7000; i++) {
            rms += y[i] * y[i];
        }
        assertThat(Math.sqrt(rms / 6000)).isLessThan(0.01);
    }

    @Test
    void shouldGiveTheSameSamplesForAnyChunkingAndAcrossSavedState() {
        float[] x = SignalsForTest.noise(0.2, 11025, 4);
        float[] whole = new StreamingResampler(11025, 8000).accept(x);
        Random random = new Random(9);
        StreamingResampler r = new StreamingResampler(11025, 8000);
        float[] chunked = new float[0];
        for (int at = 0; at < x.length; ) {
            int n = Math.min(x.length - at, 1 + random.nextInt(700));
            float[] out = r.accept(Arrays.copyOfRange(x, at, at + n));
            chunked = concat(chunked, out);
            r = StreamingResampler.restore(11025, 8000, r.saveState());
            at += n;
        }
        assertThat(chunked).containsExactly(whole, within(1e-6f));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
