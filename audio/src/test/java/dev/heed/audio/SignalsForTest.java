package dev.heed.audio;

import java.util.Random;

/** Synthetic test signals. */
final class SignalsForTest {

    private SignalsForTest() {}

    static float[] sine(double hz, double amplitude, int sampleRate, int samples) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return x;
    }

    static float[] noise(double sigma, int samples, long seed) {
        Random r = new Random(seed);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (sigma * r.nextGaussian());
        }
        return x;
    }
}
