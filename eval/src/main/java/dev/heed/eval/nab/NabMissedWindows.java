package dev.heed.eval.nab;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labelled windows a detector missed at a threshold, each with the strongest score it gave
 * inside: where to look first when a detector falls short of a benchmark. Only windows that count
 * (some row after the file's probationary period) are listed, and only those rows are read.
 */
public final class NabMissedWindows {
    private NabMissedWindows() {}

    /**
     * One missed window.
     *
     * @param file the data file, e.g. {@code realKnownCause/nyc_taxi.csv}
     * @param window the window
     * @param strongest the largest anomaly score of its scored rows
     * @param at the timestamp of the first row with that score
     */
    public record Missed(String file, NabWindow window, double strongest, LocalDateTime at) {}

    /**
     * The counted windows of {@code corpus} with no scored row at or above {@code threshold}, in
     * corpus and label order.
     *
     * @param scores per data file name, one anomaly score per row (as {@link NabScorer#score})
     */
    public static List<Missed> at(
            NabCorpus corpus, Map<String, double[]> scores, double threshold) {
        List<Missed> missed = new ArrayList<>();
        double[][] checked = NabScorer.checked(corpus, scores);
        List<NabSeries> series = corpus.series();
        for (int f = 0; f < series.size(); f++) {
            NabSeries s = series.get(f);
            RowWeights rw = RowWeights.of(s);
            for (int w = 0; w < s.windows().size(); w++) {
                if (!rw.windowScored[w]) {
                    continue;
                }
                NabWindow win = s.windows().get(w);
                int best = -1;
                for (int i = Math.max(win.firstRow(), rw.firstScored); i <= win.lastRow(); i++) {
                    if (best < 0 || checked[f][i] > checked[f][best]) {
                        best = i;
                    }
                }
                if (checked[f][best] < threshold) {
                    missed.add(
                            new Missed(s.name(), win, checked[f][best], s.timestamps().get(best)));
                }
            }
        }
        return missed;
    }

    /** One line per missed window: file, window, strongest score inside and when. */
    public static String format(List<Missed> missed) {
        StringBuilder sb = new StringBuilder();
        for (Missed m : missed) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "  %-58s %s .. %s  strongest %.8f at %s%n",
                            m.file(),
                            NabTime.format(m.window().start()),
                            NabTime.format(m.window().end()),
                            m.strongest(),
                            NabTime.format(m.at())));
        }
        return sb.toString();
    }
}
