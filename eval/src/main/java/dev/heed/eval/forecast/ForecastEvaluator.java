package dev.heed.eval.forecast;

import dev.heed.models.HeedModelException;
import dev.heed.models.data.DataSplit;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Evaluates a forecaster on a CSV file by the standard long-horizon protocol (Informer, Autoformer,
 * DLinear, PatchTST): a chronological train/validation/test split (for the ETT hourly files 12/4/4
 * months, {@link #ETT_HOURLY_SPLIT}); every variable z-scored with the mean and standard deviation
 * of its own training rows; every test window with stride 1, the first taking its lookback from the
 * rows before the test split; MSE and MAE on the normalised values averaged over all windows, steps
 * and variables (the multivariate setting: every numeric column of the file).
 *
 * <p>The file has a header, a timestamp first column and numeric columns. The model is fed as it
 * was trained: a channel-independent model gets each variable z-scored with the file's training
 * statistics (as training fed it; its instance normalisation does the rest), and its forecast is
 * already in those units; a fixed-variable model gets the raw values, which its {@link Forecaster}
 * normalises with the statistics in {@code model.json}, and its forecast is z-scored with the
 * file's training statistics (the same statistics when the file is the one it was trained on).
 */
public final class ForecastEvaluator {

    /** 8640 / 2880 / 2880 rows: 12, 4 and 4 months of hours (ETTh1, ETTh2). */
    public static final DataSplit ETT_HOURLY_SPLIT = DataSplit.ETT_HOURLY;

    /** Test windows per model call. */
    static final int BATCH_WINDOWS = 64;

    private ForecastEvaluator() {}

    /**
     * Evaluates {@code model} on the test split of {@code csv}.
     *
     * @param horizon the forecast steps to evaluate; must be the model's horizon
     * @throws HeedModelException if the file cannot be read or does not fit the split, or the
     *     horizon or the file's columns do not match the model
     */
    public static EvaluationResult evaluate(
            ForecastModel model, Path csv, int horizon, DataSplit split) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(split, "split");
        return EvaluationRun.run(model, csv, horizon, split, BATCH_WINDOWS);
    }
}
