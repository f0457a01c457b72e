/**
 * {@code heed demo}: the application on an embedded broker with a replay of the shipped NAB series
 * and FSDD recordings (folder {@code samples/}, attributed there), a live terminal view of
 * predictions, anomalies and transcripts, and a summary whose counts must agree.
 */
package dev.heed.eval.demo;
