package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMelExtractorTest {

    private static final FeatureConfig CONFIG = FeatureConfig.speech8k();

    @Test
    void shouldGiveOneFramePerHopOnceAFrameIsFull() {
        float[][] f = LogMelExtractor.extract(CONFIG, new float[8000]);
        assertThat(f).hasNumberOfRows((8000 - 200) / 80 + 1);
        assertThat(f[0]).hasSize(40);
        assertThat(f[0][0]).isCloseTo((float) Math.log(LogMelExtractor.LOG_FLOOR), within(1e-4f));
    }

    @Test
    void shouldPutASineIntoTheMelFilterAroundItsFrequency() {
        float[][] f = LogMelExtractor.extract(CONFIG, SignalsForTest.sine(1000, 0.5, 8000, 4000));
        int peak = 0;
        float[] mid = f[f.length / 2];
        for (int m = 1; m < mid.length; m++) {
            peak = mid[m] > mid[peak] ? m : peak;
        }
        MelFilterbank fb = MelFilterbank.of(CONFIG);
        // the filter with the largest weight on the 1000 Hz bin (32)
        int expected = 0;
        for (int m = 1; m < 40; m++) {
            expected = fb.weight(m, 32) > fb.weight(expected, 32) ? m : expected;
        }
        assertThat(peak).isEqualTo(expected);
    }

    @Test
    void shouldGiveTheSameFramesForAnyChunkingAsOneShot() {
        float[] signal = speechLike(16000);
        float[][] whole = LogMelExtractor.extract(CONFIG, signal);
        Random random = new Random(3);
        LogMelExtractor streaming = new LogMelExtractor(CONFIG);
        List<float[]> frames = new ArrayList<>();
        int at = 0;
        while (at < signal.length) {
            int n =
                    Math.min(
                            signal.length - at,
                            1 + random.nextInt(random.nextBoolean() ? 80 : 4000));
            frames.addAll(Arrays.asList(streaming.accept(Arrays.copyOfRange(signal, at, at + n))));
            at += n;
        }
        assertThat(frames).hasSize(whole.length);
        for (int i = 0; i < whole.length; i++) {
            assertThat(frames.get(i)).as("frame %d", i).containsExactly(whole[i], within(1e-5f));
        }
        assertThat(streaming.framesEmitted()).isEqualTo(whole.length);
    }

    @Test
    void shouldContinueFromSavedStateExactlyAsIfNeverStopped() {
        float[] signal = speechLike(8000);
        float[][] whole = LogMelExtractor.extract(CONFIG, signal);
        LogMelExtractor first = new LogMelExtractor(CONFIG);
        float[][] a = first.accept(Arrays.copyOfRange(signal, 0, 3333));
        LogMelExtractor second = LogMelExtractor.restore(CONFIG, first.saveState());
        float[][] b = second.accept(Arrays.copyOfRange(signal, 3333, signal.length));
        assertThat(a.length + b.length).isEqualTo(whole.length);
        assertThat(b[0]).containsExactly(whole[a.length], within(1e-5f));
        assertThat(second.framesEmitted()).isEqualTo(whole.length);
    }

    @Test
    void shouldRefuseStateOfAnotherConfiguration() {
        byte[] state = new LogMelExtractor(CONFIG).saveState();
        FeatureConfig other = new FeatureConfig(16000, 400, 160, 512, 40, 20f, 8000f, 0.97f);
        assertThatThrownBy(() -> LogMelExtractor.restore(other, state))
                .isInstanceOf(HeedAudioException.class)
                .hasMessageContaining("another configuration");
        assertThatThrownBy(() -> LogMelExtractor.restore(CONFIG, new byte[] {1, 2, 3}))
                .hasMessageContaining("bad header");
    }

    @Test
    void shouldNameTheBadValueOfAConfig() {
        assertThatThrownBy(() -> new FeatureConfig(8000, 200, 80, 100, 40, 20f, 4000f, 0.97f))
                .hasMessageContaining("fftSize")
                .hasMessageContaining("100");
    }

    /** A tone whose pitch and loudness change, with noise. */
    static float[] speechLike(int samples) {
        float[] x = SignalsForTest.noise(0.01, samples, 11);
        for (int i = 0; i < samples; i++) {
            double f = 200 + 150 * Math.sin(i / 900.0);
            x[i] += (float) (0.3 * Math.sin(i / 700.0) * Math.sin(2 * Math.PI * f * i / 8000));
        }
        return x;
    }
}
