package dev.heed.eval.nab;

import dev.heed.streams.HeedStreamsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NAB's scoring rules (Lavin &amp; Ahmad 2015; Ahmad et al., Neurocomputing 2017; NAB's sweeper).
 *
 * <ul>
 *   <li>Per file, the first {@code min(floor(0.15 * rows), 0.15 * 5000)} rows are probationary and
 *       not scored; a window none of whose rows is scored does not count.
 *   <li>A row with anomaly score {@code >= threshold} is a detection. A detection outside every
 *       window adds {@code fpWeight * scaledSigmoid(position)}, negative, less so just after a
 *       window; each counted window adds the highest TP score among its detections, which is its
 *       earliest one ({@code tpWeight} at the window's first row, decreasing through it), or {@code
 *       -fnWeight} when it has none. See {@link RowWeights} for the positions.
 *   <li>Per profile, one threshold for the whole corpus: the one that maximises the summed raw
 *       score. NAB searches it by hill climbing; this scorer finds it exactly, evaluating every
 *       distinct anomaly score as a candidate plus one above the maximum (no detections), in one
 *       sorted sweep with incremental scores, so its optimum is never below NAB's.
 *   <li>Normalised score: {@code 100 * (raw - null) / (perfect - null)} with null = no detections
 *       ({@code -fnWeight} per counted window) and perfect = every window detected at its first row
 *       with no false positive ({@code tpWeight} per counted window).
 * </ul>
 */
public final class NabScorer {
    private static final Logger log = LoggerFactory.getLogger(NabScorer.class);

    private NabScorer() {}

    /**
     * Scores a detector on {@code corpus} for every profile of the corpus.
     *
     * @param anomalyScoresByFile per data file name (e.g. {@code realKnownCause/nyc_taxi.csv}), one
     *     anomaly score in [0, 1] per row, in file order; every file of the corpus and no other
     * @throws HeedStreamsException naming the file and row when a file's scores are missing, of the
     *     wrong length or outside [0, 1]
     */
    public static NabScore score(NabCorpus corpus, Map<String, double[]> anomalyScoresByFile) {
        List<NabSeries> series = corpus.series();
        double[][] scores = checked(corpus, anomalyScoresByFile);
        List<RowWeights> weights = series.stream().map(RowWeights::of).toList();
        ThresholdSweep sweep = ThresholdSweep.of(weights, scores);
        List<NabScore.ProfileScore> profiles = new ArrayList<>();
        int windows = weights.stream().mapToInt(RowWeights::scoredWindowCount).sum();
        for (NabProfile p : corpus.profiles()) {
            ThresholdSweep.Best best = sweep.best(p);
            NabScore.ProfileScore ps =
                    ThresholdEvaluation.corpus(series, weights, scores, p, best.threshold());
            log.debug(
                    "NAB {}: threshold {}, raw {} (sweep {}), normalised {}",
                    p.name(),
                    best.threshold(),
                    ps.raw(),
                    best.raw(),
                    ps.normalized());
            profiles.add(ps);
        }
        return new NabScore(series.size(), windows, profiles);
    }

    /** The scores in corpus order, validated. */
    static double[][] checked(NabCorpus corpus, Map<String, double[]> byFile) {
        TreeSet<String> extra = new TreeSet<>(byFile.keySet());
        List<NabSeries> series = corpus.series();
        double[][] out = new double[series.size()][];
        for (int f = 0; f < series.size(); f++) {
            NabSeries s = series.get(f);
            extra.remove(s.name());
            double[] a = byFile.get(s.name());
            if (a == null) {
                throw new HeedStreamsException(
                        "no anomaly scores for NAB file "
                                + s.name()
                                + "; give one score per row for every file of the corpus");
            }
            if (a.length != s.size()) {
                throw new HeedStreamsException(
                        "NAB file "
                                + s.name()
                                + " has "
                                + s.size()
                                + " rows but "
                                + a.length
                                + " anomaly scores; give one score per row");
            }
            for (int i = 0; i < a.length; i++) {
                if (!(a[i] >= 0.0 && a[i] <= 1.0)) {
                    throw new HeedStreamsException(
                            "anomaly score of NAB file "
                                    + s.name()
                                    + " row "
                                    + i
                                    + " ("
                                    + NabTime.format(s.timestamps().get(i))
                                    + ") must be in [0, 1]: "
                                    + a[i]);
                }
            }
            out[f] = a;
        }
        if (!extra.isEmpty()) {
            throw new HeedStreamsException(
                    "anomaly scores for "
                            + extra
                            + ", which are not files of"
                            + " the NAB corpus "
                            + corpus.source()
                            + "; name files as in labels/combined_windows.json");
        }
        return out;
    }
}
