package dev.heed.audio;

/**
 * Triangular filters equally spaced on the HTK mel scale {@code mel(f) = 2595 log10(1 + f / 700)},
 * applied to a power spectrum. Filter {@code m} rises from edge {@code m} to a peak of 1 at edge
 * {@code m + 1} and falls to 0 at edge {@code m + 2}, where the {@code mels + 2} edges are equally
 * spaced in mel from {@code minHz} to {@code maxHz}; a bin's weight is the triangle's value at the
 * bin's frequency.
 */
public final class MelFilterbank {

  private final float[][] weights; // (mels, bins)

  public MelFilterbank(int mels, int fftSize, int sampleRate, float minHz, float maxHz) {
    if (mels <= 0 || !(minHz >= 0 && minHz < maxHz && maxHz <= sampleRate / 2f)) {
      throw new HeedAudioException(
          "mel filterbank needs mels > 0 and 0 <= minHz < maxHz <= sampleRate / 2: "
              + mels + ", " + minHz + ", " + maxHz + ", " + sampleRate);
    }
    int bins = fftSize / 2 + 1;
    double lo = hzToMel(minHz);
    double hi = hzToMel(maxHz);
    double[] edges = new double[mels + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = melToHz(lo + (hi - lo) * i / (mels + 1));
    }
    weights = new float[mels][bins];
    for (int m = 0; m < mels; m++) {
      for (int k = 0; k < bins; k++) {
        double f = PowerSpectrum.binHz(k, fftSize, sampleRate);
        double up = (f - edges[m]) / (edges[m + 1] - edges[m]);
        double down = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
        weights[m][k] = (float) Math.max(0, Math.min(up, down));
      }
    }
  }

  /** The filterbank of a feature configuration. */
  public static MelFilterbank of(FeatureConfig c) {
    return new MelFilterbank(c.mels(), c.fftSize(), c.sampleRate(), c.minHz(), c.maxHz());
  }

  /** Energy in each filter: {@code sum_k w[m][k] * power[k]}. */
  public float[] apply(float[] power) {
    if (power.length != weights[0].length) {
      throw new HeedAudioException(
          "power spectrum has " + power.length + " bins, expected " + weights[0].length);
    }
    float[] out = new float[weights.length];
    for (int m = 0; m < weights.length; m++) {
      double sum = 0;
      float[] w = weights[m];
      for (int k = 0; k < w.length; k++) {
        sum += w[k] * power[k];
      }
      out[m] = (float) sum;
    }
    return out;
  }

  /** The weight of bin {@code k} in filter {@code m}. */
  public float weight(int m, int k) {
    return weights[m][k];
  }

  public static double hzToMel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  public static double melToHz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }
}
