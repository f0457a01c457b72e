package dev.heed.streams;

import dev.heed.models.forecasting.ForecastModel;
import dev.heed.streams.internal.Leases;

/**
 * Where the topology gets its forecasting model. The model can be swapped while the application
 * runs; each stream thread moves to the new model at its next batch, and the old one is closed when
 * the last thread that held it has moved on.
 */
public final class ModelSource implements AutoCloseable {
    private final Leases<ForecastModel> leases;

    private ModelSource(ForecastModel model) {
        this.leases = new Leases<>(model);
    }

    /** A source that serves {@code model} until {@link #swap} is called. */
    public static ModelSource of(ForecastModel model) {
        return new ModelSource(model);
    }

    /** The model serving now (for its descriptor; a stream thread {@link #acquire}s it). */
    public ForecastModel current() {
        return leases.current();
    }

    /** The model serving now, held by the caller until {@link #release}. */
    public ForecastModel acquire() {
        return leases.acquire();
    }

    /** Lets a model go; a swapped-out one is closed when its last holder lets it go. */
    public void release(ForecastModel model) {
        leases.release(model);
    }

    /**
     * Serves {@code next} from now on. The previous model is closed when no stream thread holds it
     * any more (at once when none does).
     *
     * @return the previous model
     */
    public ForecastModel swap(ForecastModel next) {
        return leases.swap(next);
    }

    /** Threads holding {@code model}. */
    public int holders(ForecastModel model) {
        return leases.holders(model);
    }

    @Override
    public void close() {
        leases.closeAll();
    }
}
