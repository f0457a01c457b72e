package dev.heed.eval.nab;

import java.util.ArrayList;
import java.util.List;

/** Scores every file directly at one threshold: NAB's rules without any search. */
final class ThresholdEvaluation {
    private ThresholdEvaluation() {}

    /** One file's raw score and counts for profile {@code p} at {@code threshold}. */
    static NabScore.FileScore file(
            String name, RowWeights rw, double[] anomalyScores, NabProfile p, double threshold) {
        int windows = rw.windowScored.length;
        double[] best = new double[windows];
        boolean[] detected = new boolean[windows];
        double raw = 0;
        int fp = 0;
        for (int i = rw.firstScored; i < anomalyScores.length; i++) {
            if (anomalyScores[i] < threshold) {
                continue;
            }
            int w = rw.window[i];
            if (w < 0) {
                raw += rw.unweighted[i] * p.fpWeight();
                fp++;
            } else {
                double tp = rw.unweighted[i] * p.tpWeight();
                if (!detected[w] || tp > best[w]) {
                    best[w] = tp;
                }
                detected[w] = true;
            }
        }
        int tp = 0;
        int fn = 0;
        for (int w = 0; w < windows; w++) {
            if (!rw.windowScored[w]) {
                continue;
            }
            if (detected[w]) {
                raw += best[w];
                tp++;
            } else {
                raw -= p.fnWeight();
                fn++;
            }
        }
        return new NabScore.FileScore(name, raw, tp, fp, fn);
    }

    /** The corpus's result for {@code p} at {@code threshold}, normalised. */
    static NabScore.ProfileScore corpus(
            List<NabSeries> series,
            List<RowWeights> weights,
            double[][] anomalyScores,
            NabProfile p,
            double threshold) {
        List<NabScore.FileScore> files = new ArrayList<>(series.size());
        double raw = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int windows = 0;
        for (int f = 0; f < series.size(); f++) {
            NabScore.FileScore fs =
                    file(series.get(f).name(), weights.get(f), anomalyScores[f], p, threshold);
            files.add(fs);
            raw += fs.raw();
            tp += fs.truePositives();
            fp += fs.falsePositives();
            fn += fs.falseNegatives();
            windows += weights.get(f).scoredWindowCount();
        }
        double nullScore = -p.fnWeight() * windows;
        double perfect = p.tpWeight() * windows;
        double normalized =
                perfect == nullScore
                        ? Double.NaN
                        : 100.0 * (raw - nullScore) / (perfect - nullScore);
        return new NabScore.ProfileScore(
                p, threshold, raw, nullScore, perfect, normalized, tp, fp, fn, files);
    }
}
