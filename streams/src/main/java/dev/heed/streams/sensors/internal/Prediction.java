package dev.heed.streams.sensors.internal;

import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.Forecast;

/**
 * The model's answer for one window, or why there is none.
 *
 * @param forecast null when {@code error} is set
 */
record Prediction(
        WindowSnapshot window,
        Forecast forecast,
        ModelDescriptor model,
        double inferenceMs,
        int batchSize,
        String error) {}
