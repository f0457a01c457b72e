package dev.heed.eval.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes tiny NAB corpora: rows every 5 minutes from {@link #T0}, windows given as row pairs. */
public final class NabFixtures {
    static final LocalDateTime T0 = LocalDateTime.of(2014, 4, 1, 0, 0);
    static final String PROFILES =
            """
      {"standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11,
                                   "tnWeight": 1.0}},
       "reward_low_FP_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.22,
                                             "tnWeight": 1.0}},
       "reward_low_FN_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 2.0, "fpWeight": 0.11,
                                             "tnWeight": 1.0}}}
      """;
    private static final DateTimeFormatter DATA =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Path dir;
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    private final Map<String, int[][]> windows = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Double>> overrides = new LinkedHashMap<>();
    private String profiles = PROFILES;

    public NabFixtures(Path dir) {
        this.dir = dir;
    }

    /** Adds file {@code name} with {@code n} rows and windows {@code {firstRow, lastRow}}. */
    public NabFixtures file(String name, int n, int[]... rowWindows) {
        rows.put(name, n);
        windows.put(name, rowWindows);
        return this;
    }

    /** Sets row {@code row} of file {@code name} to {@code value} (the others: a sawtooth). */
    public NabFixtures value(String name, int row, double value) {
        overrides.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(row, value);
        return this;
    }

    NabFixtures profiles(String json) {
        profiles = json;
        return this;
    }

    public static LocalDateTime time(int row) {
        return T0.plusMinutes(5L * row);
    }

    /** Writes data/, labels/combined_windows.json and config/profiles.json; returns the folder. */
    public Path write() throws IOException {
        StringBuilder labels = new StringBuilder("{");
        for (String name : rows.keySet()) {
            Path csv = dir.resolve("data").resolve(name);
            Files.createDirectories(csv.getParent());
            StringBuilder sb = new StringBuilder("timestamp,value\n");
            for (int i = 0; i < rows.get(name); i++) {
                double v = overrides.getOrDefault(name, Map.of()).getOrDefault(i, i % 7 * 1.5);
                sb.append(DATA.format(time(i))).append(',').append(v).append('\n');
            }
            Files.writeString(csv, sb);
            List<String> ws = new ArrayList<>();
            for (int[] w : windows.get(name)) {
                ws.add(
                        "[\""
                                + LABEL.format(time(w[0]))
                                + "\", \""
                                + LABEL.format(time(w[1]))
                                + "\"]");
            }
            labels.append(labels.length() > 1 ? ",\n" : "\n")
                    .append('"')
                    .append(name)
                    .append("\": [")
                    .append(String.join(", ", ws))
                    .append(']');
        }
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/combined_windows.json"), labels.append("\n}\n"));
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/profiles.json"), profiles);
        return dir;
    }

    /** Writes and loads the corpus. */
    NabCorpus load() throws IOException {
        return NabCorpus.load(write());
    }

    /** Scores of {@code n} rows: 1.0 at {@code hits}, 0 elsewhere. */
    static double[] hits(int n, int... hits) {
        double[] s = new double[n];
        for (int h : hits) {
            s[h] = 1.0;
        }
        return s;
    }
}
