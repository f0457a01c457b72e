package dev.heed.eval.speech;

import java.util.List;

/** Where the words of a training utterance lie, as {@code [start, end)} sample spans. */
final class WordSpans {
    private WordSpans() {}

    /** Word spans in seconds as sample spans at {@code rate}, after {@code lead} samples. */
    static int[][] samples(List<double[]> seconds, int lead, int rate) {
        int[][] out = new int[seconds.size()][];
        for (int w = 0; w < out.length; w++) {
            out[w] =
                    new int[] {
                        lead + (int) Math.round(seconds.get(w)[0] * rate),
                        lead + (int) Math.round(seconds.get(w)[1] * rate)
                    };
        }
        return out;
    }

    /** {@code spans} moved {@code by} samples later. */
    static int[][] shift(int[][] spans, int by) {
        if (by == 0 || spans.length == 0) {
            return spans;
        }
        int[][] out = new int[spans.length][];
        for (int w = 0; w < out.length; w++) {
            out[w] = new int[] {spans[w][0] + by, spans[w][1] + by};
        }
        return out;
    }
}
