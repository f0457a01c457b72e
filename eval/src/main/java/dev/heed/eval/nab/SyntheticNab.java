package dev.heed.eval.nab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Writes a corpus in NAB's layout from {@link SyntheticSeries}: {@code synthNoAnomaly} (series
 * without anomalies: every alarm there is a false positive) and {@code synthWithAnomaly} (one or
 * two planted anomalies each, labelled with NAB's windows: a tenth of the file per file, shared
 * between its anomalies and centred on each). Long series of the kinds real monitoring meets, to
 * choose detector settings on data other than NAB's own.
 */
public final class SyntheticNab {
    /** The first row of every series: a Monday at midnight. */
    static final LocalDateTime START = LocalDateTime.of(2015, 3, 2, 0, 0);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticNab() {}

    /**
     * Writes {@code copies} series per family and category under {@code dir}; the same seed writes
     * the same files.
     *
     * @return how many files were written
     */
    public static int write(Path dir, long seed, int copies) throws IOException {
        return write(dir, seed, copies, SyntheticSeries.FAMILIES);
    }

    /**
     * As {@link #write(Path, long, int)}, for the named {@code families} (any of {@link
     * SyntheticSeries#ALL}); a family's files do not depend on which others are written.
     */
    public static int write(Path dir, long seed, int copies, List<String> families)
            throws IOException {
        for (String family : families) {
            if (!SyntheticSeries.ALL.contains(family)) {
                throw new IllegalArgumentException(
                        "unknown synthetic family '"
                                + family
                                + "': use any of "
                                + String.join(",", SyntheticSeries.ALL));
            }
        }
        ObjectNode labels = JSON.createObjectNode();
        StringBuilder readme = new StringBuilder();
        readme.append("Synthetic NAB-layout corpus written by `heed synth nab --seed ")
                .append(seed)
                .append(" --copies ")
                .append(copies)
                .append(" --families ")
                .append(String.join(",", families))
                .append(
                        "` (dev.heed.eval.nab.SyntheticNab); the same seed writes the same files.\n\n");
        int files = 0;
        for (int c = 0; c < copies; c++) {
            for (String family : families) {
                int f = SyntheticSeries.ALL.indexOf(family);
                for (int anomalies = 0; anomalies <= 1; anomalies++) {
                    long s = seed * 1_000_003L + c * 101L + f * 7L + anomalies;
                    int count = anomalies == 0 ? 0 : 1 + (int) Math.floorMod(s, 2L);
                    SyntheticSeries.Generated g = new SyntheticSeries(s).generate(family, count);
                    String category = anomalies == 0 ? "synthNoAnomaly" : "synthWithAnomaly";
                    String name = category + "/" + family + "_" + (c + 1) + ".csv";
                    write(dir.resolve("data").resolve(name), g);
                    labels.set(name, windows(g));
                    readme.append(
                            String.format(
                                    Locale.ROOT,
                                    "%s: %d rows every %d min, anomalies %s at rows %s%n",
                                    name,
                                    g.values().length,
                                    g.stepMinutes(),
                                    g.kinds(),
                                    g.anomalies()));
                    files++;
                }
            }
        }
        Files.createDirectories(dir.resolve("labels"));
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(
                        dir.resolve("labels").resolve("combined_windows.json").toFile(), labels);
        Files.writeString(dir.resolve("SYNTHESIS.txt"), readme, StandardCharsets.UTF_8);
        return files;
    }

    /** NAB's windows: a tenth of the rows, shared between the anomalies, centred on each. */
    static ArrayNode windows(SyntheticSeries.Generated g) {
        ArrayNode out = JSON.createArrayNode();
        int n = g.values().length;
        int half = g.anomalies().isEmpty() ? 0 : n / 10 / g.anomalies().size() / 2;
        for (int at : g.anomalies()) {
            ArrayNode w = out.addArray();
            w.add(NabTime.format(time(g, Math.max(0, at - half))) + ".000000");
            w.add(NabTime.format(time(g, Math.min(n - 1, at + half))) + ".000000");
        }
        return out;
    }

    private static LocalDateTime time(SyntheticSeries.Generated g, int row) {
        return START.plusMinutes((long) row * g.stepMinutes());
    }

    private static void write(Path file, SyntheticSeries.Generated g) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,value\n");
            double[] v = g.values();
            for (int i = 0; i < v.length; i++) {
                w.write(NabTime.format(time(g, i)));
                w.write(',');
                w.write(format(v[i]));
                w.write('\n');
            }
        }
    }

    private static String format(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
