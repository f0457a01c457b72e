/**
 * Heed's metrics for Prometheus through Micrometer: the routes of {@link
 * dev.heed.streams.RouteCounters} (records in and out per topic, windows, utterances, dead letters
 * by reason), model calls (inference time, batch size), input lag, Kafka Streams' own metrics, and
 * per-series anomaly and attention gauges with a bounded number of series ({@link
 * dev.heed.streams.metrics.HeedMetrics}, {@link dev.heed.streams.metrics.SeriesGauges}).
 */
package dev.heed.streams.metrics;
