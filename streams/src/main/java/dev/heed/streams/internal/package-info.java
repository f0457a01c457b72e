/**
 * The sensor topology's parts: parsing readings, per-series window state, micro-batching windows
 * across the tasks of one stream thread, writing predictions and dead letters, and route counters.
 */
package dev.heed.streams.internal;
