package dev.heed.eval.speech;

import java.util.Random;

/**
 * SpecAugment's masking (Park et al., 2019) on log-mel frames, in place: {@value #MASKS} bands of
 * up to {@value #MAX_MELS} mel channels and {@value #MASKS} spans of up to {@value #MAX_FRAMES}
 * frames are set to the utterance's mean, so that the model cannot lean on any one band (where a
 * speaker's formants sit) or any short stretch.
 */
final class SpecAugment {

    static final int MASKS = 2;
    static final int MAX_MELS = 6;
    static final int MAX_FRAMES = 8;

    private SpecAugment() {}

    static void mask(float[][] frames, Random random) {
        if (frames.length == 0) {
            return;
        }
        int mels = frames[0].length;
        double sum = 0;
        for (float[] f : frames) {
            for (float v : f) {
                sum += v;
            }
        }
        float mean = (float) (sum / (frames.length * (double) mels));
        for (int k = 0; k < MASKS; k++) {
            int width = random.nextInt(MAX_MELS + 1);
            int from = random.nextInt(Math.max(1, mels - width + 1));
            for (float[] f : frames) {
                for (int m = from; m < Math.min(mels, from + width); m++) {
                    f[m] = mean;
                }
            }
        }
        for (int k = 0; k < MASKS; k++) {
            int width = random.nextInt(MAX_FRAMES + 1);
            int from = random.nextInt(Math.max(1, frames.length - width + 1));
            for (int t = from; t < Math.min(frames.length, from + width); t++) {
                java.util.Arrays.fill(frames[t], mean);
            }
        }
    }
}
