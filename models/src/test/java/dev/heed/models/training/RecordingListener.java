package dev.heed.models.training;

import java.util.ArrayList;
import java.util.List;

/** Keeps every training callback for assertions. */
final class RecordingListener implements TrainingListener {
    final List<BatchProgress> batches = new ArrayList<>();
    final List<EpochSummary> epochs = new ArrayList<>();
    final List<String> rollbacks = new ArrayList<>();
    final List<String> stops = new ArrayList<>();
    int epochStarts;

    @Override
    public void onEpochStart(int epoch, int epochCount, int batchCount) {
        epochStarts++;
    }

    @Override
    public void onBatch(BatchProgress progress) {
        batches.add(progress);
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        epochs.add(summary);
    }

    @Override
    public void onNanRollback(int epoch, int batch, int total, String reason) {
        rollbacks.add(reason);
    }

    @Override
    public void onEarlyStop(int epoch, int bestEpoch, String reason) {
        stops.add(reason);
    }
}
