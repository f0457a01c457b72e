package dev.heed.models.training;

import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Normalization;
import dev.heed.models.data.CsvTable;
import dev.heed.models.data.DataSplit;
import dev.heed.models.data.ProtocolSplit;
import dev.heed.models.internal.Hashing;
import dev.heed.models.training.internal.WindowIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training data as normalised series with chronological splits and window indices.
 *
 * <p>A fixed-variable run makes one series {@code [C][rows]} per file, z-scored with statistics of
 * all files' training rows when global normalisation is on. A channel-independent run makes every
 * target column of every file its own series {@code [1][rows]}, z-scored with its own training rows
 * (the model's instance normalisation makes it indifferent to the scale at inference; the shared
 * scale keeps one series from dominating the loss). Window {@code s} reads rows {@code [s, s+T)}
 * and predicts {@code [s+T, s+T+horizon)}; it belongs to the split holding its targets.
 */
final class TrainingData {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

    final List<String> variables;
    final int channels;
    final int window;
    final int horizon;
    final List<float[][]> series = new ArrayList<>();
    final Normalization normalization;
    final WindowIndex train = new WindowIndex();
    final WindowIndex val = new WindowIndex();
    final WindowIndex test = new WindowIndex();
    final Map<String, String> sha256 = new LinkedHashMap<>();
    final Map<String, Integer> rows = new LinkedHashMap<>();

    private TrainingData(
            TrainingOptions o,
            List<CsvTable> tables,
            List<String> fixedVariables,
            Map<String, String> hashes) {
        sha256.putAll(hashes);
        for (CsvTable t : tables) {
            rows.put(t.file().toString(), t.rows());
        }
        window = o.window();
        horizon = o.horizon();
        variables =
                o.channelIndependent() ? List.of(ModelDescriptor.ANY_VARIABLES) : fixedVariables;
        channels = o.channelIndependent() ? 1 : fixedVariables.size();
        List<int[]> bounds = new ArrayList<>();
        for (CsvTable table : tables) {
            List<String> targets = targets(o, table);
            int[] b = bounds(o.split(), table);
            if (o.channelIndependent()) {
                for (String column : targets) {
                    series.add(new float[][] {table.column(column).clone()});
                    bounds.add(b);
                }
            } else {
                float[][] s = new float[targets.size()][];
                for (int c = 0; c < s.length; c++) {
                    s[c] = table.column(targets.get(c)).clone();
                }
                series.add(s);
                bounds.add(b);
            }
        }
        normalization = normalise(o, bounds);
        for (int i = 0; i < series.size(); i++) {
            int[] b = bounds.get(i);
            addWindows(train, i, 0, b[0]);
            addWindows(val, i, b[0], b[1]);
            addWindows(test, i, b[1], b[2]);
        }
        requireWindows("training", train, o);
        requireWindows("validation", val, o);
        requireWindows("test", test, o);
    }

    /** Reads, hashes, splits and normalises the option's data files. */
    static TrainingData load(TrainingOptions o) {
        List<CsvTable> tables = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        List<String> fixed = null;
        for (Path file : o.dataFiles()) {
            CsvTable table = CsvTable.read(file);
            try {
                hashes.put(file.toString(), Hashing.sha256(file));
            } catch (IOException e) {
                throw new HeedModelException(
                        "cannot read data file " + file + ": " + e.getMessage(), e);
            }
            List<String> targets = targets(o, table);
            if (!o.channelIndependent() && fixed != null && !fixed.equals(targets)) {
                throw new HeedModelException(
                        file
                                + " has target columns "
                                + targets
                                + " but "
                                + o.dataFiles().get(0)
                                + " has "
                                + fixed
                                + "; a fixed-variable model needs the same columns in every file");
            }
            fixed = fixed == null ? targets : fixed;
            tables.add(table);
        }
        return new TrainingData(o, tables, fixed, hashes);
    }

    private static List<String> targets(TrainingOptions o, CsvTable table) {
        if ("all".equalsIgnoreCase(o.target())) {
            return table.columns();
        }
        table.column(o.target());
        return List.of(o.target());
    }

    /**
     * Ends of the train, validation and test rows: {@code [0, a) [a, b) [b, c)}, by the same
     * arithmetic as the evaluation protocol ({@link ProtocolSplit}).
     */
    private static int[] bounds(DataSplit split, CsvTable table) {
        ProtocolSplit p = ProtocolSplit.of(split, table.rows(), table.file());
        return new int[] {p.trainEnd(), p.valEnd(), p.testEnd()};
    }

    private Normalization normalise(TrainingOptions o, List<int[]> bounds) {
        if (o.channelIndependent()) {
            for (int i = 0; i < series.size(); i++) {
                double[] stats = stats(List.of(series.get(i)[0]), List.of(bounds.get(i)[0]));
                apply(series.get(i)[0], stats);
            }
            return Normalization.NONE;
        }
        if (!o.globalNormalize()) {
            return Normalization.NONE;
        }
        List<Double> means = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            List<float[]> columns = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                columns.add(series.get(i)[c]);
                ends.add(bounds.get(i)[0]);
            }
            double[] stats = stats(columns, ends);
            means.add(stats[0]);
            stds.add(stats[1]);
            for (float[] column : columns) {
                apply(column, stats);
            }
        }
        return new Normalization(means, stds);
    }

    /** Mean and population std of the first {@code ends[i]} values of each column. */
    private static double[] stats(List<float[]> columns, List<Integer> ends) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < columns.size(); i++) {
            for (int r = 0; r < ends.get(i); r++) {
                sum += columns.get(i)[r];
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double squares = 0;
        for (int i = 0; i < columns.size(); i++) {
            for (int r = 0; r < ends.get(i); r++) {
                double d = columns.get(i)[r] - mean;
                squares += d * d;
            }
        }
        double std = count == 0 ? 0 : Math.sqrt(squares / count);
        if (std < 1e-8) {
            LOG.warn("a training column is constant (std {}); scaling it by 1", std);
            std = 1;
        }
        return new double[] {mean, std};
    }

    private static void apply(float[] column, double[] stats) {
        for (int r = 0; r < column.length; r++) {
            column[r] = (float) ((column[r] - stats[0]) / stats[1]);
        }
    }

    private void addWindows(WindowIndex index, int seriesIndex, int from, int to) {
        for (int s = Math.max(0, from - window); s + window + horizon <= to; s++) {
            index.add(seriesIndex, s);
        }
    }

    private void requireWindows(String split, WindowIndex index, TrainingOptions o) {
        if (index.size() == 0) {
            throw new HeedModelException(
                    "no "
                            + split
                            + " windows: with split "
                            + o.split().spec()
                            + " no file has enough "
                            + split
                            + " rows for window + horizon = "
                            + (window + horizon)
                            + " (rows "
                            + rows
                            + ")");
        }
    }

    /**
     * Copies windows into batch buffers.
     *
     * @param x {@code (n, T, C)} inputs
     * @param y {@code (n, horizon, C)} targets
     */
    void fill(WindowIndex index, int[] order, int from, int n, float[] x, float[] y) {
        for (int b = 0; b < n; b++) {
            int w = order == null ? from + b : order[from + b];
            float[][] s = series.get(index.series(w));
            int start = index.start(w);
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < window; t++) {
                    x[(b * window + t) * channels + c] = s[c][start + t];
                }
                for (int k = 0; k < horizon; k++) {
                    y[(b * horizon + k) * channels + c] = s[c][start + window + k];
                }
            }
        }
    }
}
