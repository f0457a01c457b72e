package dev.heed.streams.sensors.internal;

import dev.heed.models.AttentionMethod;

/**
 * The sensor topology's settings, resolved and validated from the configuration and the model.
 *
 * @param variables the series' variables in model order, or null to take each series' first
 *     reading's variables
 * @param intervalMs resampling interval in time mode, 0 in count mode
 * @param horizon the model's forecast steps
 * @param maxHeld readings held for reordering per series at most ({@code window.max.held})
 * @param idleExpiryMs a series with no reading for this long is forgotten, 0 never
 * @param outputMaxBytes the largest record the topology may write ({@code output.max.bytes})
 */
public record SensorSettings(
        String sensorsTopic,
        String predictionsTopic,
        String dlqTopic,
        int steps,
        int stride,
        long intervalMs,
        int maxFill,
        long graceMs,
        String[] variables,
        AttentionMethod method,
        int topK,
        int maxBytes,
        long maxFutureMs,
        int maxDeadLetters,
        int horizon,
        int outputMaxBytes,
        int maxHeld,
        long idleExpiryMs,
        AnomalySettings anomaly) {
    public static final String SOURCE = "sensors-source";
    public static final String PROCESSOR = "sensor-attention";
    public static final String PREDICTIONS_SINK = "predictions-sink";
    public static final String DLQ_SINK = "dlq-sink";
    public static final String ANOMALIES_SINK = "anomalies-sink";
    public static final String SERIES_STORE = "heed-series";
    public static final String PENDING_STORE = "heed-pending";
    public static final String ANOMALY_STORE = "heed-anomaly";
    public static final String NOVELTY_STORE = "heed-novelty";
}
