package dev.heed.models.forecasting;

import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import java.util.List;

/** Runs a model on batches of windows. Not thread-safe: one per worker thread. */
public interface Forecaster extends AutoCloseable {

    /**
     * Forecasts every window of a batch in one model call.
     *
     * @param windows raw (not normalised) windows, each {@code [variables][steps]} with {@code
     *     steps == descriptor().window()}; windows of one batch may have different variable counts
     *     when the model is channel-independent
     * @param method how attention is summarised into per-step weights
     * @return one forecast per window, in order
     * @throws HeedModelException if a window has the wrong shape or holds a non-finite value
     */
    List<Forecast> forecast(List<float[][]> windows, AttentionMethod method);

    @Override
    void close();
}
