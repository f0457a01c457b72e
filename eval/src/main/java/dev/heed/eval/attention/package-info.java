/**
 * The explanation benchmark behind {@code heed eval attention}: synthetic tasks whose ground truth
 * says which steps a forecast depends on ({@link dev.heed.eval.attention.AttentionTask}), a model
 * (or a hand-written white box) trained on series of one seed and explained on series of another,
 * and every explanation method scored against that truth and by deletion ({@link
 * dev.heed.eval.attention.AttentionBenchmark}).
 */
package dev.heed.eval.attention;
