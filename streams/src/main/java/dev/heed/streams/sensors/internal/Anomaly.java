package dev.heed.streams.sensors.internal;

import java.util.List;

/**
 * The anomaly verdict for one window: the most anomalous of the steps it added.
 *
 * @param score the raw score of that step, {@code 1 - exp(-e)} for its normalised forecast error e
 * @param likelihood how unusual the recent error level is against the long-run one (0..1)
 * @param step the step's index in the window, or -1 when no step could be scored
 * @param observed {@code [variables]} the step's values, null when {@code step < 0}
 * @param expected {@code [variables]} what the previous forecast said, null when {@code step < 0}
 * @param rangeExcess how far that step's most distant value lay beyond the range seen so far and
 *     its tolerance, in units of the range; 0 when none left it (no range break)
 * @param brokenBy the window's new steps that the previous forecast covered, largest normalised
 *     error first (at most {@code attention.top.k}): which new steps broke the expectation
 * @param expectedFrom the steps the previous forecast's explanation weighted most: where the
 *     expectation came from; null before the second window
 * @param heldOff an alarm this window would raise is held off: the series alarmed less than {@code
 *     anomaly.holdoff} readings ago and this error is not {@link AnomalySettings#REARM} times
 *     stronger
 * @param longContext how new the shape of the series' long span was at that step, and the buckets
 *     that differed most from the nearest remembered shape; null when the novelty score is off or
 *     no bucket completed at that step
 * @param recentShape how new the series' recent shape (the last {@code anomaly.novelty.fine}
 *     readings) was at that step, and its readings that differed most from the nearest remembered
 *     shape; null when off or still learning
 * @param representation how new the model's own representation of the window's newest patch was
 *     ({@link EmbeddingMemory}); null when off, the model gives none, or not at that step
 * @param stuck the run of identical readings that step completed, when the series' own repeats made
 *     it less likely than {@code anomaly.stuck} ({@link StuckRun}); else null
 */
record Anomaly(
        double score,
        double likelihood,
        boolean warmingUp,
        int step,
        float[] observed,
        float[] expected,
        double rangeExcess,
        List<Broken> brokenBy,
        AnomalyState.Expectation expectedFrom,
        boolean heldOff,
        Novelty longContext,
        Novelty recentShape,
        EmbeddingMemory.Seen representation,
        StuckRun.Seen stuck) {

    /**
     * A new step against the expectation.
     *
     * @param step index in the window
     * @param expected {@code [variables]} what the previous forecast said
     * @param error the normalised absolute error, averaged over variables
     */
    record Broken(int step, float[] expected, double error) {}

    /** Whether a value of the step left the range seen so far by more than the tolerance. */
    boolean rangeBreak() {
        return rangeExcess > 0;
    }

    /** Whether this window goes to the anomalies topic. */
    boolean flagged(double threshold) {
        return !warmingUp && !heldOff && step >= 0 && likelihood >= threshold;
    }
}
