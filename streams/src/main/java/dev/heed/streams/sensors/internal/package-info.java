/**
 * Implementation of the sensor topology, not API: parsing readings, per-series window state and
 * resampling, micro-batching windows across the tasks of one stream thread, the anomaly detector
 * and its per-series state, and the JSON of predictions and anomalies.
 */
package dev.heed.streams.sensors.internal;
