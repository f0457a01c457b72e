package dev.heed.streams.internal;

/** Indices of the largest weights, largest first; ties go to the later (more recent) step. */
final class TopK {
  private TopK() {}

  static int[] indices(float[] w, int k) {
    int n = Math.min(k, w.length);
    int[] out = new int[n];
    boolean[] taken = new boolean[w.length];
    for (int i = 0; i < n; i++) {
      int best = -1;
      for (int t = w.length - 1; t >= 0; t--) {
        if (!taken[t] && (best < 0 || w[t] > w[best])) {
          best = t;
        }
      }
      taken[best] = true;
      out[i] = best;
    }
    return out;
  }
}
