/**
 * {@code heed bench}: end-to-end benchmarks of the sensor path through a real broker ({@link
 * dev.heed.eval.bench.SensorBench}), beside the per-record baseline, with the model's analytic
 * FLOPs ({@link dev.heed.eval.bench.FlopCount}) against a matrix-product ceiling measured in the
 * same run. Figures are printed as plain tables; nothing here is a timed test.
 */
package dev.heed.eval.bench;
