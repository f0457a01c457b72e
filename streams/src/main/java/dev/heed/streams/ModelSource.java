package dev.heed.streams;

import dev.heed.models.forecasting.ForecastModel;
import java.util.Objects;

/**
 * Where the topology gets its model. The current model can be swapped while the application runs;
 * each stream thread moves to the new model at its next batch, and the old one is closed.
 */
public final class ModelSource implements AutoCloseable {
    private volatile ForecastModel current;

    private ModelSource(ForecastModel model) {
        this.current = Objects.requireNonNull(model, "model");
    }

    /** A source that serves {@code model} until {@link #swap} is called. */
    public static ModelSource of(ForecastModel model) {
        return new ModelSource(model);
    }

    public ForecastModel current() {
        return current;
    }

    /**
     * Serves {@code next} from now on. The previous model is not closed here, since stream threads
     * may still be running a batch on it; the caller may close it once the threads have moved on.
     *
     * @return the previous model
     */
    public ForecastModel swap(ForecastModel next) {
        ForecastModel old = current;
        current = Objects.requireNonNull(next, "model");
        return old;
    }

    @Override
    public void close() {
        current.close();
    }
}
