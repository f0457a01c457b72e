package dev.heed.streams.sensors.internal;

/**
 * One parsed sensor reading.
 *
 * @param names variable names, sorted
 * @param values values, in the order of {@code names}
 */
record Reading(String series, long ts, String[] names, double[] values) {}
