package dev.heed.streams.sensors.internal;

/**
 * How forecast errors become anomaly scores and likelihoods (see {@link AnomalyDetector}).
 *
 * @param threshold likelihood at or above which a step is an anomaly (0..1)
 * @param warmup readings of a series during which it is scored but flagged as warming up
 * @param shortWindow scored steps averaged into the recent error level
 * @param longWindow effective length, in scored steps, of the long-run error distribution
 * @param rangeTolerance a value beyond the range seen so far by this fraction of the range has
 *     likelihood 1; 0 turns the range check off
 */
public record AnomalySettings(
        String topic,
        double threshold,
        int warmup,
        int shortWindow,
        int longWindow,
        double rangeTolerance) {}
