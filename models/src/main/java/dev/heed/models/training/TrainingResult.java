package dev.heed.models.training;

import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.ModelLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param modelDir the written model directory, loadable by {@link ModelLoader}
 * @param descriptor its {@code model.json}
 * @param trainLoss mean training loss per epoch run
 * @param valMse validation MSE per epoch run (NaN where not finite)
 * @param stoppedEarly whether early stopping or the time limit ended the run
 */
public record TrainingResult(
        Path modelDir,
        ModelDescriptor descriptor,
        List<Double> trainLoss,
        List<Double> valMse,
        boolean stoppedEarly) {

    /** Copies the lists. */
    public TrainingResult {
        trainLoss = List.copyOf(trainLoss);
        valMse = List.copyOf(valMse);
    }
}
