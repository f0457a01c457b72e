package dev.heed.eval.nab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Heed's normalised NAB scores beside NAB's published scoreboard. */
public final class NabScoreboard {
    /** One detector's published scores: standard, reward low FP, reward low FN. */
    record Entry(String detector, double standard, double lowFp, double lowFn) {}

    /**
     * NAB v1.1's scoreboard, on its full 58-file corpus. ARTime, the scoreboard's best, with its
     * standard score only: its other two profiles are not recorded here (n/a).
     */
    static final List<Entry> PUBLISHED =
            List.of(
                    new Entry("ARTime", 74.9, Double.NaN, Double.NaN),
                    new Entry("Numenta HTM", 70.1, 63.1, 74.3),
                    new Entry("CAD OSE", 69.9, 67.0, 73.2),
                    new Entry("KNN CAD", 58.0, 43.4, 64.8),
                    new Entry("Relative Entropy", 54.6, 47.6, 58.8),
                    new Entry("Random Cut Forest", 51.7, 38.4, 59.7),
                    new Entry("Twitter ADVec", 47.1, 33.6, 53.5),
                    new Entry("Windowed Gaussian", 39.6, 20.9, 47.4),
                    new Entry("Etsy Skyline", 35.7, 27.1, 44.5),
                    new Entry("Bayesian Changepoint", 17.7, 3.2, 32.2),
                    new Entry("Random", 11.0, 1.2, 19.5),
                    new Entry("Null", 0.0, 0.0, 0.0));

    private static final String ROW = "%-2s%-22s %9s %9s %9s%n";

    private NabScoreboard() {}

    /**
     * A text table: NAB's published detectors and Heed, ranked by standard score, then a note on
     * what is comparable. A profile missing from {@code score} prints as {@code n/a}.
     */
    public static String format(NabScore score) {
        Entry heed =
                new Entry(
                        "Heed",
                        normalized(score, NabProfile.STANDARD),
                        normalized(score, NabProfile.LOW_FP),
                        normalized(score, NabProfile.LOW_FN));
        List<Entry> rows = new ArrayList<>(PUBLISHED);
        rows.add(heed);
        rows.sort(
                Comparator.comparingDouble(
                                (Entry e) ->
                                        Double.isNaN(e.standard())
                                                ? Double.NEGATIVE_INFINITY
                                                : e.standard())
                        .reversed());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "", "Detector", "Standard", "Low FP", "Low FN"));
        for (Entry e : rows) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            ROW,
                            e == heed ? ">" : "",
                            e.detector(),
                            cell(e.standard()),
                            cell(e.lowFp()),
                            cell(e.lowFn())));
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "Published rows: NAB v1.1 figures on its full 58-file corpus.%nHeed: this corpus"
                                + " (%d files, %d windows counted); comparable to them only on the full corpus.%n",
                        score.files(),
                        score.windows()));
        return sb.toString();
    }

    private static double normalized(NabScore score, String profile) {
        return score.hasProfile(profile) ? score.profile(profile).normalized() : Double.NaN;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }
}
