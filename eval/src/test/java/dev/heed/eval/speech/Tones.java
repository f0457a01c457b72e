package dev.heed.eval.speech;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;

/** Half-second tones standing in for words, and the mel band a sound is loudest in. */
final class Tones {
    static final FeatureConfig FEATURES = FeatureConfig.speech8k();

    private Tones() {}

    /** Half a second of a {@code hz} sine at {@code amplitude}. */
    static float[] tone(double hz, double amplitude) {
        float[] s = new float[FEATURES.sampleRate() / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / FEATURES.sampleRate()));
        }
        return s;
    }

    /** The mel band with the largest mean log-mel over {@code samples}' frames. */
    static int loudestBand(float[] samples) {
        float[][] x = LogMelExtractor.extract(FEATURES, samples);
        double[] mean = new double[x[0].length];
        for (float[] frame : x) {
            for (int m = 0; m < mean.length; m++) {
                mean[m] += frame[m];
            }
        }
        int best = 0;
        for (int m = 1; m < mean.length; m++) {
            best = mean[m] > mean[best] ? m : best;
        }
        return best;
    }
}
