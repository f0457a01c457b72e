package dev.heed.eval.attention;

import dev.heed.models.HeedModelException;
import dev.heed.models.data.CsvTable;
import dev.heed.models.data.DataSplit;
import dev.heed.models.data.ProtocolSplit;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.streams.HeedStreamsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The deletion test on real series, where no ground truth exists: windows of the test split of
 * every numeric column of every file (a channel-independent model forecasts each column alone).
 */
public final class RealDeletion {

    private RealDeletion() {}

    /** One method's mean movement when its top steps are deleted, and when random steps are. */
    public record Row(String method, double top, double random) {
        public double ratio() {
            return top / random;
        }
    }

    /** The result over {@code windows} test windows. */
    public record Result(int windows, int series, int skippedFiles, List<Row> rows) {}

    /** Scores every method on up to {@code count} random test windows of {@code files}. */
    public static Result run(
            ForecastModel model, List<Path> files, DataSplit split, int count, long seed) {
        if (!model.descriptor().channelIndependent()) {
            throw new HeedStreamsException(
                    "the deletion test on real data takes a channel-independent model (variables"
                            + " [\"*\"]); "
                            + model.descriptor().name()
                            + " forecasts "
                            + model.descriptor().variables());
        }
        int window = model.descriptor().window();
        int horizon = model.descriptor().horizon();
        List<float[]> all = new ArrayList<>();
        int series = 0;
        int skipped = 0;
        for (Path file : files) {
            CsvTable table = CsvTable.read(file);
            ProtocolSplit rows = ProtocolSplit.of(split, table.rows(), file);
            int n;
            try {
                n = rows.testWindows(window, horizon);
            } catch (HeedModelException e) {
                skipped++; // too short for this window before its test rows
                continue;
            }
            for (String column : table.columns()) {
                float[] x = table.column(column);
                series++;
                for (int i = 0; i < n; i++) {
                    int start = rows.testStart(i, window);
                    float[] w = new float[window];
                    System.arraycopy(x, start, w, 0, window);
                    all.add(w);
                }
            }
        }
        if (all.isEmpty()) {
            throw new HeedStreamsException(
                    "no file of "
                            + files.size()
                            + " has a test window of "
                            + window
                            + " steps after the training and validation rows of split "
                            + split.spec());
        }
        Collections.shuffle(all, new Random(seed));
        List<float[]> windows = all.subList(0, Math.min(count, all.size()));
        int k = Deletion.count(window, AttentionBenchmark.DELETE_FRACTION);
        List<Row> rows = new ArrayList<>();
        try (Forecaster f = model.newForecaster()) {
            List<String> methods = new ArrayList<>(Explanations.BASELINES);
            methods.addAll(AttentionBenchmark.METHODS);
            for (String m : methods) {
                List<float[]> w = Explanations.weights(m, f, windows, seed + m.hashCode());
                double[] d = Deletion.topVersusRandom(f, windows, w, k, seed + 41);
                rows.add(new Row(m, d[0], d[1]));
            }
        }
        return new Result(windows.size(), series, skipped, rows);
    }
}
