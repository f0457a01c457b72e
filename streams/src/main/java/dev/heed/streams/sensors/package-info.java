/**
 * The sensor topology, built by {@link dev.heed.streams.sensors.SensorTopology#build}: readings
 * from {@code topic.sensors} are parsed, windowed per series, forecast in micro-batches with their
 * attention, scored for anomalies and written to {@code topic.predictions} and {@code
 * topic.anomalies}; bad input goes to {@code topic.dlq} with its reason.
 */
package dev.heed.streams.sensors;
