package dev.heed.models.training;

import dev.heed.models.HeedModelException;
import dev.heed.models.forecasting.ModelLoader;
import java.util.Objects;

/**
 * Trains a patch-transformer forecaster on CSV files and writes a model directory that {@link
 * ModelLoader} loads.
 *
 * <p>Adam with a linear warm-up and cosine learning-rate schedule, MSE on the prediction output,
 * gradients clipped by their global norm, steps with non-finite gradients or results rolled back,
 * early stopping on validation MSE keeping the best parameters, and test-split MSE and MAE at the
 * end. Seeded: the same options on the same machine give the same model.
 */
public final class ForecastTrainer {

    private ForecastTrainer() {}

    /**
     * Trains, writes {@code options.outputDir()} and returns what was written.
     *
     * @throws HeedModelException if the data cannot be read or does not fit the options, or the
     *     model directory cannot be written
     */
    public static TrainingResult train(TrainingOptions options, TrainingListener listener) {
        Objects.requireNonNull(options, "options");
        try (TrainingRun.Trained trained =
                TrainingRun.run(options, listener == null ? TrainingListener.NONE : listener)) {
            return trained.result();
        }
    }
}
