package dev.heed.eval.speech;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.MelFilterbank;

/**
 * Vocal tract length perturbation (Jaitly and Hinton, 2013) on log-mel frames: the frequency axis
 * is warped by a factor {@code alpha}: a formant at {@code f} moves to {@code f / alpha}, as if a
 * longer ({@code alpha > 1}) or shorter ({@code alpha < 1}) vocal tract had said the same words at
 * the same tempo (speed perturbation changes both).
 *
 * <p>Channel {@code m}, centred at {@code f}, takes the log-mel value the unwarped frame has at
 * {@code w(f)}: {@code w(f) = alpha f} up to {@code b = 0.85 maxHz min(alpha, 1) / alpha}, then the
 * straight line from there to {@code (maxHz, maxHz)}, so the band's top stays where it is (Jaitly
 * and Hinton's piecewise-linear warp). Values between channel centres are interpolated linearly in
 * mel; beyond the first or last centre the edge channel's value is kept.
 */
final class Vtlp {

    private Vtlp() {}

    /** A warped copy of {@code frames}, {@code (frames, mels)}; {@code alpha = 1} copies. */
    static float[][] warp(float[][] frames, FeatureConfig features, double alpha) {
        double[] source = sourceChannels(features, alpha);
        float[][] out = new float[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            float[] in = frames[t];
            float[] o = new float[in.length];
            for (int m = 0; m < o.length; m++) {
                double q = source[m];
                int lo = (int) Math.floor(q);
                double frac = q - lo;
                o[m] = (float) (in[lo] + (lo + 1 < in.length ? (in[lo + 1] - in[lo]) * frac : 0));
            }
            out[t] = o;
        }
        return out;
    }

    /** For each channel, the fractional channel index its warped centre frequency falls on. */
    static double[] sourceChannels(FeatureConfig features, double alpha) {
        if (!(alpha > 0.5 && alpha < 1.5)) {
            throw new IllegalArgumentException("VTLP factor must be in (0.5, 1.5): " + alpha);
        }
        int mels = features.mels();
        double lo = MelFilterbank.hzToMel(features.minHz());
        double hi = MelFilterbank.hzToMel(features.maxHz());
        double top = features.maxHz();
        double bend = 0.85 * top * Math.min(alpha, 1) / alpha;
        double[] source = new double[mels];
        for (int m = 0; m < mels; m++) {
            double f = MelFilterbank.melToHz(lo + (hi - lo) * (m + 1) / (mels + 1));
            double w =
                    f <= bend
                            ? alpha * f
                            : alpha * bend + (top - alpha * bend) * (f - bend) / (top - bend);
            double q = (MelFilterbank.hzToMel(w) - lo) / (hi - lo) * (mels + 1) - 1;
            source[m] = Math.max(0, Math.min(mels - 1, q));
        }
        return source;
    }
}
