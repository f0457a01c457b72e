package dev.heed.eval.forecast;

import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.data.ColumnStats;
import dev.heed.models.data.CsvTable;
import dev.heed.models.data.DataSplit;
import dev.heed.models.data.ProtocolSplit;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One protocol evaluation of a model on a CSV file (see {@link
 * dev.heed.eval.forecast.ForecastEvaluator}): checks the model against the file, z-scores every
 * column with its training rows ({@link ColumnStats}), forecasts the test windows of the {@link
 * ProtocolSplit} in batches and sums the errors ({@link ErrorSums}).
 *
 * <p>How the model is fed matches {@code TrainingData}, so that a model evaluated on its own
 * training file scores what its training run reported as test MSE and MAE. A channel-independent
 * model was trained on each column z-scored with that column's training rows: it gets exactly those
 * values and forecasts in those units. A fixed-variable model was trained on values z-scored with
 * the training statistics it records in {@code model.json} (or raw values when it records none): it
 * gets raw values, its {@link Forecaster} applies and inverts its own statistics, and the forecast
 * is z-scored here with the file's training statistics, as the protocol asks.
 */
final class EvaluationRun {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationRun.class);

    private EvaluationRun() {}

    /** Evaluates {@code model} on the test split of {@code csv}, {@code batch} windows a call. */
    public static EvaluationResult run(
            ForecastModel model, Path csv, int horizon, DataSplit split, int batch) {
        if (batch <= 0) {
            throw new HeedModelException("batch must be > 0: " + batch);
        }
        ModelDescriptor d = model.descriptor();
        if (horizon != d.horizon()) {
            throw new HeedModelException(
                    "model "
                            + d.name()
                            + " forecasts "
                            + d.horizon()
                            + " steps but the evaluation asks for horizon "
                            + horizon
                            + "; evaluate with horizon "
                            + d.horizon()
                            + " or train a model with horizon "
                            + horizon);
        }
        CsvTable table = CsvTable.read(csv);
        List<String> variables = variables(d, table);
        ProtocolSplit rows = ProtocolSplit.of(split, table.rows(), csv);
        int window = d.window();
        int count = rows.testWindows(window, horizon);
        List<float[]> raw = new ArrayList<>();
        variables.forEach(v -> raw.add(table.column(v)));
        ColumnStats stats = ColumnStats.of(raw, variables, rows.trainEnd());
        float[][] z = new float[raw.size()][];
        for (int c = 0; c < z.length; c++) {
            z[c] = stats.z(c, raw.get(c));
        }
        boolean feedNormalised = d.channelIndependent() && d.normalization().isEmpty();
        float[][] fed = feedNormalised ? z : raw.toArray(new float[0][]);
        ErrorSums sums = new ErrorSums(variables.size());
        long start = System.nanoTime();
        try (Forecaster forecaster = model.newForecaster()) {
            List<float[][]> windows = new ArrayList<>(batch);
            for (int from = 0; from < count; from += batch) {
                int n = Math.min(batch, count - from);
                windows.clear();
                for (int i = 0; i < n; i++) {
                    windows.add(slice(fed, rows.testStart(from + i, window), window));
                }
                List<Forecast> forecasts = forecaster.forecast(windows, AttentionMethod.HEAD_MEAN);
                for (int i = 0; i < n; i++) {
                    int target = rows.testStart(from + i, window) + window;
                    float[][] prediction = forecasts.get(i).prediction(); // [C][H]
                    for (int c = 0; c < prediction.length; c++) {
                        for (int k = 0; k < horizon; k++) {
                            float p = prediction[c][k];
                            if (!Float.isFinite(p)) {
                                throw new HeedModelException(
                                        "model "
                                                + d.name()
                                                + " forecast a non-finite value for test window "
                                                + (from + i)
                                                + " variable "
                                                + variables.get(c)
                                                + " step "
                                                + k
                                                + ": "
                                                + p);
                            }
                            sums.add(c, feedNormalised ? p : stats.z(c, p), z[c][target + k]);
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> mse = new ArrayList<>();
        List<Double> mae = new ArrayList<>();
        for (int c = 0; c < variables.size(); c++) {
            mse.add(sums.mse(c));
            mae.add(sums.mae(c));
        }
        LOG.info(
                "evaluated {} on {}: {} windows x {} variables, mse {} mae {} in {} s",
                d.name(),
                csv,
                count,
                variables.size(),
                sums.mse(),
                sums.mae(),
                seconds);
        return new EvaluationResult(
                csv,
                split.spec(),
                rows.trainEnd(),
                rows.valEnd(),
                rows.testRows(),
                window,
                horizon,
                count,
                variables,
                sums.mse(),
                sums.mae(),
                mse,
                mae,
                seconds);
    }

    /**
     * The variables to feed, in the model's order: a fixed-variable model's own list, which must be
     * the file's columns; any columns for a channel-independent model.
     */
    static List<String> variables(ModelDescriptor d, CsvTable table) {
        List<String> columns = table.columns();
        if (d.channelIndependent()) {
            return columns;
        }
        List<String> expected = d.variables();
        if (expected.size() != columns.size() || !new HashSet<>(columns).containsAll(expected)) {
            throw new HeedModelException(
                    "model "
                            + d.name()
                            + " forecasts variables "
                            + expected
                            + " but "
                            + table.file()
                            + " has columns "
                            + columns
                            + "; the multivariate protocol evaluates every column: use a file with exactly the"
                            + " model's columns, or a channel-independent model (trained with"
                            + " --channel-independent), which takes any columns");
        }
        return expected;
    }

    /** Rows {@code [start, start + window)} of every column as one window {@code [C][T]}. */
    static float[][] slice(float[][] columns, int start, int window) {
        float[][] out = new float[columns.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOfRange(columns[c], start, start + window);
        }
        return out;
    }
}
