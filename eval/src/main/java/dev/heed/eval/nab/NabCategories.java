package dev.heed.eval.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A NAB score broken down by category ({@code data/<category>/}): per profile, at the threshold
 * chosen for the whole corpus, the windows detected, the false-positive events and the category's
 * own normalised score.
 */
public final class NabCategories {
    private NabCategories() {}

    /**
     * One category under one profile.
     *
     * @param windows counted windows (those with a row after the probationary period)
     * @param normalized {@code 100 * (raw - null) / (perfect - null)} over the category's files;
     *     NaN when it has no counted window
     */
    public record Row(
            String category,
            String profile,
            int files,
            int windows,
            int detected,
            int falsePositives,
            double raw,
            double normalized) {}

    /** Rows by profile, then by category in file order. */
    public static List<Row> rows(NabScore score) {
        List<Row> rows = new ArrayList<>();
        for (NabScore.ProfileScore p : score.profiles()) {
            Map<String, List<NabScore.FileScore>> byCategory = new LinkedHashMap<>();
            for (NabScore.FileScore f : p.files()) {
                int slash = f.file().indexOf('/');
                String category = slash < 0 ? "" : f.file().substring(0, slash);
                byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(f);
            }
            byCategory.forEach(
                    (category, files) -> {
                        int tp = 0;
                        int fp = 0;
                        int fn = 0;
                        double raw = 0;
                        for (NabScore.FileScore f : files) {
                            tp += f.truePositives();
                            fp += f.falsePositives();
                            fn += f.falseNegatives();
                            raw += f.raw();
                        }
                        int windows = tp + fn;
                        double nul = -p.profile().fnWeight() * windows;
                        double perfect = p.profile().tpWeight() * windows;
                        double normalized =
                                windows == 0 ? Double.NaN : 100 * (raw - nul) / (perfect - nul);
                        rows.add(
                                new Row(
                                        category,
                                        p.profile().name(),
                                        files.size(),
                                        windows,
                                        tp,
                                        fp,
                                        raw,
                                        normalized));
                    });
        }
        return rows;
    }

    /** The rows as a text table. */
    public static String format(NabScore score) {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        Locale.ROOT,
                        "%-20s %-22s %5s %7s %8s %5s %8s %7s%n",
                        "profile",
                        "category",
                        "files",
                        "windows",
                        "detected",
                        "FP",
                        "raw",
                        "score"));
        for (Row r : rows(score)) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%-20s %-22s %5d %7d %8d %5d %8.2f %7s%n",
                            r.profile(),
                            r.category(),
                            r.files(),
                            r.windows(),
                            r.detected(),
                            r.falsePositives(),
                            r.raw(),
                            Double.isNaN(r.normalized())
                                    ? "-"
                                    : String.format(Locale.ROOT, "%.1f", r.normalized())));
        }
        return b.toString();
    }
}
