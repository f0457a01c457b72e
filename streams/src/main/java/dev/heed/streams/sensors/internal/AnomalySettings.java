package dev.heed.streams.sensors.internal;

/**
 * How forecast errors become anomaly scores and likelihoods (see {@link AnomalyDetector}).
 *
 * @param threshold likelihood at or above which a step is an anomaly (0..1)
 * @param warmup readings of a series during which it is scored but flagged as warming up
 * @param shortWindow scored steps averaged into the recent error level
 * @param longWindow effective length, in scored steps, of the long-run error distribution
 * @param rangeTolerance a value beyond the range seen so far by this fraction of the range breaks
 *     the range; 0 turns the range check off
 * @param rangeScale how a range break's likelihood grows with how far the value goes: {@code
 *     Phi(RANGE_Z + excess / rangeScale)}, where {@code excess} is the distance beyond the range
 *     and its tolerance in units of the range (one more spread per {@code rangeScale} of the
 *     range); 0 gives every break likelihood 1
 * @param holdoff readings after an alarm during which the series does not alarm again unless the
 *     evidence is at least {@link #REARM} times as strong as the alarm's; 0 turns the hold-off off
 * @param forecastAlarms whether the forecast error's likelihood raises alarms too; otherwise it is
 *     reported (score, {@code broken_by}) but alarms come from range and novelty
 * @param novelty the novelty views
 * @param forecastPeriodic with forecast alarms, an error alarms only when it is more than this many
 *     times the largest error at the same time of the long view's span one span earlier (its bucket
 *     or the two beside it): a model that misses at the same time every day does not alarm for it;
 *     0: every error may alarm
 * @param stuckChance a run of identical readings alarms, once, when the series' own repeats make it
 *     less likely than this ({@link StuckRun}); 0 turns the check off
 */
public record AnomalySettings(
        String topic,
        double threshold,
        int warmup,
        int shortWindow,
        int longWindow,
        double rangeTolerance,
        int holdoff,
        boolean forecastAlarms,
        NoveltySettings novelty,
        double forecastPeriodic,
        double rangeScale,
        double stuckChance) {

    /** {@code holdoff}: as many readings as the series' long-context view covers. */
    public static final int HOLDOFF_SPAN = -1;

    /** How much stronger the evidence must be to alarm again during the hold-off. */
    public static final double REARM = 2.0;

    /**
     * Spreads of evidence a range break at the tolerance's edge counts as: likelihood {@code
     * Phi(4)} = 0.99997, above the default threshold (chosen on the choice set over 6, with which
     * every break outranked almost every novelty and NAB's thresholds could not tell small breaks
     * from large ones).
     */
    public static final double RANGE_Z = 4.0;

    /**
     * Evidence a stuck run counts as, in spreads: likelihood {@code Phi(5)}, as strong as a range
     * break 0.05 of the range past its tolerance.
     */
    public static final double STUCK_Z = 5.0;

    public AnomalySettings {
        if (!(rangeScale >= 0)) {
            throw new IllegalArgumentException("anomaly.range.scale must be >= 0: " + rangeScale);
        }
        if (!(stuckChance >= 0 && stuckChance < 1)) {
            throw new IllegalArgumentException("anomaly.stuck must be in [0, 1): " + stuckChance);
        }
    }

    /** Forecast error and range (every break likelihood 1) only, without a hold-off. */
    public AnomalySettings(
            String topic,
            double threshold,
            int warmup,
            int shortWindow,
            int longWindow,
            double rangeTolerance) {
        this(topic, threshold, warmup, shortWindow, longWindow, rangeTolerance, 0);
    }

    /** Forecast error and range (every break likelihood 1) only. */
    public AnomalySettings(
            String topic,
            double threshold,
            int warmup,
            int shortWindow,
            int longWindow,
            double rangeTolerance,
            int holdoff) {
        this(
                topic,
                threshold,
                warmup,
                shortWindow,
                longWindow,
                rangeTolerance,
                holdoff,
                true,
                NoveltySettings.OFF,
                0,
                0,
                0);
    }
}
