package dev.heed.eval.nab;

import java.util.Arrays;
import java.util.List;

/**
 * NAB's walk over one data file: which rows are scored, which window each row is in, and each row's
 * unweighted score, the part that does not depend on the profile.
 *
 * <p>Inside window {@code [a..b]} of width {@code b - a + 1}, row {@code i} sits at position {@code
 * -(b - i + 1) / width} (from -1 at the first row to {@code -1/width} at the last) and its
 * unweighted score is {@code scaledSigmoid(position) / scaledSigmoid(-1)}, so that a detection at
 * the first row earns exactly {@code tpWeight}. Outside windows, before any window has ended the
 * position is 3 (score -1); after one, it is {@code |prevRight - i| / (prevWidth - 1)} from the
 * last ended window; a window of width 1 divides by zero, giving +infinity and a score of -1.
 */
final class RowWeights {
    /** NAB's probationary share of a file's rows, and its cap in rows is this times 5000. */
    static final double PROBATIONARY_PERCENT = 0.15;

    /** The first row that is scored; earlier rows are NAB's probationary period. */
    final int firstScored;

    /** Per row: index into the file's windows, or -1 outside every window. */
    final int[] window;

    /** Per row: times tpWeight inside a window, times fpWeight outside. */
    final double[] unweighted;

    /** Per window: whether any of its rows is scored, so that the window counts. */
    final boolean[] windowScored;

    private RowWeights(int firstScored, int[] window, double[] unweighted, boolean[] scored) {
        this.firstScored = firstScored;
        this.window = window;
        this.unweighted = unweighted;
        this.windowScored = scored;
    }

    /** {@code -1} for {@code y >= 3}, else {@code 2 * sigmoid(-5y) - 1}. */
    static double scaledSigmoid(double y) {
        if (y >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
    }

    /** NAB's {@code min(floor(0.15 * rows), 0.15 * 5000)}, computed in doubles as NAB does. */
    static double probationaryLength(int rows) {
        return Math.min(Math.floor(PROBATIONARY_PERCENT * rows), PROBATIONARY_PERCENT * 5000);
    }

    static RowWeights of(NabSeries series) {
        int n = series.size();
        List<NabWindow> windows = series.windows();
        int[] window = new int[n];
        Arrays.fill(window, -1);
        double[] unweighted = new double[n];
        double tpScale = scaledSigmoid(-1.0);
        int next = 0;
        int prevRight = -1;
        int prevWidth = 0;
        for (int i = 0; i < n; i++) {
            if (next < windows.size() && windows.get(next).contains(i)) {
                NabWindow w = windows.get(next);
                window[i] = next;
                double position = -(w.lastRow() - i + 1) / (double) w.width();
                unweighted[i] = scaledSigmoid(position) / tpScale;
                if (i == w.lastRow()) {
                    prevRight = w.lastRow();
                    prevWidth = w.width();
                    next++;
                }
            } else {
                double position = prevRight < 0 ? 3.0 : Math.abs(prevRight - i) / (prevWidth - 1.0);
                unweighted[i] = scaledSigmoid(position);
            }
        }
        int firstScored = (int) Math.ceil(probationaryLength(n));
        boolean[] scored = new boolean[windows.size()];
        for (int w = 0; w < scored.length; w++) {
            scored[w] = windows.get(w).lastRow() >= firstScored;
        }
        return new RowWeights(firstScored, window, unweighted, scored);
    }

    int scoredWindowCount() {
        int c = 0;
        for (boolean s : windowScored) {
            c += s ? 1 : 0;
        }
        return c;
    }
}
