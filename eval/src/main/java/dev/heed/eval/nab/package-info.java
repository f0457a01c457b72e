/**
 * The Numenta Anomaly Benchmark (NAB) scorer: load a corpus folder ({@link
 * dev.heed.eval.nab.NabCorpus#load}), score per-row anomaly scores with NAB's windowed,
 * sigmoid-weighted rules and per-profile threshold optimisation ({@link
 * dev.heed.eval.nab.NabScorer#score}), write NAB-format results files ({@link
 * dev.heed.eval.nab.NabResults#write}) and print the result beside NAB's published scoreboard
 * ({@link dev.heed.eval.nab.NabScoreboard#format}).
 *
 * <p>The rules follow Lavin &amp; Ahmad 2015, Ahmad et al. (Neurocomputing 2017) and NAB's sweeper;
 * this is an independent implementation, not a port of NAB's code.
 */
package dev.heed.eval.nab;
