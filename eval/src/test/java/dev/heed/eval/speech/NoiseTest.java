package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heed.audio.WavFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The held-out noises: their spectra, their level against the speech, and folders of WAVs. */
class NoiseTest {

    @TempDir Path temp;

    /** Mean power of {@code x} at {@code hz} (a Goertzel filter over the first 8,000 samples). */
    private static double power(float[] x, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double c = 2 * Math.cos(w);
        double s1 = 0, s2 = 0;
        int n = 8000;
        for (int i = 0; i < n; i++) {
            double s = x[i] + c * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return (s1 * s1 + s2 * s2 - c * s1 * s2) / n;
    }

    private static double bandPower(float[] x, double from, double to, int rate) {
        double sum = 0;
        for (double hz = from; hz < to; hz += 7) {
            sum += power(x, hz, rate);
        }
        return sum;
    }

    @Test
    void shouldFallWithFrequencyAsPinkAndBrownNoiseDo() {
        float[] pink = Noise.generate("pink", 8000, 1);
        float[] brown = Noise.generate("brown", 8000, 1);
        double pinkDrop = bandPower(pink, 100, 200, 8000) / bandPower(pink, 1600, 1700, 8000);
        double brownDrop = bandPower(brown, 100, 200, 8000) / bandPower(brown, 1600, 1700, 8000);
        // four octaves: pink about 3 dB an octave (x16 in power per 1/f: ~12 dB), brown ~6 dB
        assertThat(10 * Math.log10(pinkDrop)).isBetween(8.0, 16.0);
        assertThat(10 * Math.log10(brownDrop)).isBetween(18.0, 30.0);
    }

    @Test
    void shouldHumAtTheMainsFrequencyAndItsHarmonics() {
        float[] hum = Noise.generate("hum", 8000, 1);
        assertThat(power(hum, 50, 8000)).isGreaterThan(100 * power(hum, 75, 8000));
        assertThat(power(hum, 150, 8000)).isGreaterThan(100 * power(hum, 175, 8000));
    }

    @Test
    void shouldPutTheSpeechTheAskedDecibelsAboveTheNoise() {
        Random random = new Random(3);
        float[] speech = new float[4000];
        for (int i = 1000; i < 3000; i++) {
            speech[i] = (float) (0.3 * Math.sin(i * 0.2));
        }
        List<float[]> sources = List.of(Noise.generate("pink", 8000, 2));
        float[] mixed = Noise.mix(speech, sources, 10, random);
        double speechPower = 0, noisePower = 0;
        for (int i = 0; i < speech.length; i++) {
            double n = mixed[i] - speech[i];
            noisePower += n * n;
            if (speech[i] != 0) {
                speechPower += speech[i] * (double) speech[i];
            }
        }
        double snr = 10 * Math.log10((speechPower / 2000) / (noisePower / speech.length));
        assertThat(snr).isCloseTo(10, within(0.01));
    }

    @Test
    void shouldReadAFolderOfWavNoiseAtTheModelsRate() throws Exception {
        float[] tone = new float[16000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        new WavFile(tone, 16000).write(temp.resolve("a.wav"));
        new WavFile(tone, 16000).write(temp.resolve("b.WAV"));
        List<float[]> sources = Noise.sources(temp.toString(), 8000, 1);
        assertThat(sources).hasSize(2);
        assertThat(sources.get(0).length).isEqualTo(8000);
    }
}
