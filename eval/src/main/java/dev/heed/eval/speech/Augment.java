package dev.heed.eval.speech;

import java.util.Random;

/**
 * Waveform augmentations for training: speed (tempo and pitch together, by resampling), gain,
 * additive noise at a signal-to-noise ratio, and reverberation by a synthetic room impulse response
 * (exponentially decaying noise).
 */
final class Augment {

    private Augment() {}

    /** Plays {@code x} {@code factor} times faster (linear interpolation). */
    static float[] speed(float[] x, double factor) {
        int n = (int) Math.floor((x.length - 1) / factor) + 1;
        float[] y = new float[Math.max(1, n)];
        for (int i = 0; i < y.length; i++) {
            double pos = i * factor;
            int j = (int) pos;
            double frac = pos - j;
            float a = x[Math.min(j, x.length - 1)];
            float b = x[Math.min(j + 1, x.length - 1)];
            y[i] = (float) (a + (b - a) * frac);
        }
        return y;
    }

    /** Multiplies in place, clipping to [-1, 1]. */
    static void gain(float[] x, double g) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(-1, Math.min(1, x[i] * g));
        }
    }

    /**
     * Adds white noise at {@code snrDb} below the signal's mean power (over non-silent samples).
     */
    static void noise(float[] x, double snrDb, Random random) {
        double power = 0;
        int loud = 0;
        for (float v : x) {
            if (Math.abs(v) > 1e-3) {
                power += v * v;
                loud++;
            }
        }
        if (loud == 0) {
            return;
        }
        double sigma = Math.sqrt(power / loud / Math.pow(10, snrDb / 10));
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (random.nextGaussian() * sigma);
        }
    }

    /** Convolves with a decaying-noise impulse response of {@code rt60} s, keeping the level. */
    static float[] reverb(float[] x, int sampleRate, double rt60, Random random) {
        int taps = Math.max(1, (int) (rt60 * sampleRate / 3));
        float[] h = new float[taps];
        h[0] = 1f;
        double decay = Math.log(1000) / (rt60 * sampleRate);
        for (int i = 1; i < taps; i++) {
            h[i] = (float) (random.nextGaussian() * 0.3 * Math.exp(-decay * i));
        }
        float[] y = new float[x.length];
        double inPower = 0;
        double outPower = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0f) {
                continue;
            }
            for (int k = 0; k < taps && i + k < y.length; k++) {
                y[i + k] += x[i] * h[k];
            }
        }
        for (int i = 0; i < x.length; i++) {
            inPower += x[i] * x[i];
            outPower += y[i] * y[i];
        }
        float scale = outPower > 0 ? (float) Math.sqrt(inPower / outPower) : 1f;
        for (int i = 0; i < y.length; i++) {
            y[i] *= scale;
        }
        return y;
    }
}
