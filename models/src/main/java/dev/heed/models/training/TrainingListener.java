package dev.heed.models.training;

/**
 * Progress callbacks of {@link ForecastTrainer}, all called on the training thread. Every method
 * has an empty default.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};

    /**
     * An epoch begins.
     *
     * @param epoch 1-based epoch number
     * @param epochs the most epochs the run may take
     * @param batches batches in this epoch
     */
    default void onEpochStart(int epoch, int epochs, int batches) {}

    /** A training batch finished. */
    default void onBatch(BatchProgress progress) {}

    /** An epoch finished and was validated. */
    default void onEpochEnd(EpochSummary summary) {}

    /**
     * A step was not applied: its gradients were not finite (skipped), or it made a parameter
     * non-finite (parameters restored).
     *
     * @param total rollbacks so far in this run
     * @param reason what was not finite
     */
    default void onNanRollback(int epoch, int batch, int total, String reason) {}

    /**
     * Training stops before the last epoch.
     *
     * @param epoch the last epoch run
     * @param bestEpoch the epoch whose parameters are kept
     * @param reason such as "no validation improvement for 5 epochs" or "time limit"
     */
    default void onEarlyStop(int epoch, int bestEpoch, String reason) {}

    /**
     * One batch's progress.
     *
     * @param loss the batch's training loss (MSE, normalised units)
     * @param windowsPerSecond training throughput so far in this epoch
     * @param etaSeconds estimated seconds until the run ends at its last epoch
     */
    record BatchProgress(
            int epoch,
            int epochs,
            int batch,
            int batches,
            float loss,
            double windowsPerSecond,
            double etaSeconds) {}

    /**
     * One epoch's result.
     *
     * @param trainLoss mean training loss of the epoch's batches
     * @param valMse validation MSE (normalised units); NaN when not finite
     * @param learningRate the learning rate at the epoch's end
     * @param seconds the epoch's wall-clock time
     * @param etaSeconds estimated seconds until the run ends at its last epoch
     * @param improved whether this epoch is the best so far
     */
    record EpochSummary(
            int epoch,
            int epochs,
            double trainLoss,
            double valMse,
            double learningRate,
            double seconds,
            double etaSeconds,
            boolean improved) {}
}
