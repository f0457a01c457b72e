package dev.heed.eval.nab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact threshold optimisation over a whole corpus. Every scored row of every file is sorted once
 * by anomaly score, descending; lowering the threshold past a group of equal scores adds those
 * rows' detections, and the corpus's raw score is updated incrementally: a false positive adds its
 * weighted score, a window's first detection replaces its {@code -fnWeight} by its TP score, and a
 * later, earlier-in-time detection raises it. Each distinct score is a candidate, as is one just
 * above the maximum (no detections); ties in raw score keep the higher threshold.
 */
final class ThresholdSweep {
    private final double[] score;
    private final double[] unweighted;
    private final int[] window;
    private final int windows;

    private ThresholdSweep(double[] score, double[] unweighted, int[] window, int windows) {
        this.score = score;
        this.unweighted = unweighted;
        this.window = window;
        this.windows = windows;
    }

    /** Gathers the scored rows of every file, sorted by anomaly score, highest first. */
    static ThresholdSweep of(List<RowWeights> files, double[][] anomalyScores) {
        int n = 0;
        for (RowWeights f : files) {
            n += Math.max(0, f.window.length - f.firstScored);
        }
        double[] s = new double[n];
        double[] u = new double[n];
        int[] w = new int[n];
        int k = 0;
        int windowBase = 0;
        for (int f = 0; f < files.size(); f++) {
            RowWeights rw = files.get(f);
            int[] globalId = new int[rw.windowScored.length];
            for (int j = 0; j < globalId.length; j++) {
                globalId[j] = rw.windowScored[j] ? windowBase++ : -1;
            }
            for (int i = rw.firstScored; i < rw.window.length; i++, k++) {
                s[k] = anomalyScores[f][i];
                u[k] = rw.unweighted[i];
                w[k] = rw.window[i] < 0 ? -1 : globalId[rw.window[i]];
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> s[i]).reversed());
        double[] ss = new double[n];
        double[] su = new double[n];
        int[] sw = new int[n];
        for (int i = 0; i < n; i++) {
            ss[i] = s[order[i]];
            su[i] = u[order[i]];
            sw[i] = w[order[i]];
        }
        return new ThresholdSweep(ss, su, sw, windowBase);
    }

    /** The threshold just above every score: no detections. */
    double aboveMax() {
        return Math.nextUp(score.length == 0 ? 1.0 : score[0]);
    }

    /** The candidate threshold with the highest corpus raw score for {@code p}. */
    Best best(NabProfile p) {
        double total = -p.fnWeight() * windows;
        Best best = new Best(aboveMax(), total);
        double[] windowScore = new double[windows];
        boolean[] detected = new boolean[windows];
        int k = 0;
        while (k < score.length) {
            double t = score[k];
            do {
                int w = window[k];
                if (w < 0) {
                    total += unweighted[k] * p.fpWeight();
                } else {
                    double tp = unweighted[k] * p.tpWeight();
                    if (!detected[w]) {
                        detected[w] = true;
                        total += tp + p.fnWeight();
                        windowScore[w] = tp;
                    } else if (tp > windowScore[w]) {
                        total += tp - windowScore[w];
                        windowScore[w] = tp;
                    }
                }
                k++;
            } while (k < score.length && score[k] == t);
            if (total > best.raw()) {
                best = new Best(t, total);
            }
        }
        return best;
    }

    /** A threshold and the corpus raw score the sweep accumulated for it. */
    record Best(double threshold, double raw) {}
}
