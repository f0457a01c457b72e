package dev.heed.models.forecasting;

import dev.heed.models.ModelDescriptor;

/**
 * A loaded model, shared by all worker threads. Thread-safe; {@link #newForecaster()} gives each
 * worker its own non-thread-safe {@link Forecaster}.
 */
public interface ForecastModel extends AutoCloseable {

    /** What the model is and how it was made. */
    ModelDescriptor descriptor();

    /** A new forecaster for one worker thread; close it when the worker stops. */
    Forecaster newForecaster();

    @Override
    void close();
}
