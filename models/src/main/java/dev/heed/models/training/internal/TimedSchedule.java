package dev.heed.models.training.internal;

import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/**
 * A learning rate by progress, where progress is the larger of steps done over steps planned and
 * time spent over the time limit: a linear warm-up over the first 5%, then a cosine decay to 1% of
 * the peak. A run cut short by its time limit still ends on a small rate, however busy the machine.
 */
public final class TimedSchedule implements Tracker {

    private static final double WARM_UP = 0.05;

    private final float peak;
    private final int steps;
    private final double limitSeconds;
    private final long start = System.nanoTime();

    /**
     * @param limitMinutes the time limit, 0 for none
     */
    public TimedSchedule(double peak, int steps, double limitMinutes) {
        this.peak = (float) peak;
        this.steps = Math.max(1, steps);
        this.limitSeconds = limitMinutes * 60;
    }

    /** Progress in [0, 1] after {@code step} steps. */
    double progress(int step) {
        double p = step / (double) steps;
        if (limitSeconds > 0) {
            p = Math.max(p, (System.nanoTime() - start) / 1e9 / limitSeconds);
        }
        return Math.min(1, p);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return at(progress(numUpdate));
    }

    /** The rate at a progress. */
    float at(double p) {
        if (p < WARM_UP) {
            return (float) (peak * Math.max(p, 1e-3) / WARM_UP);
        }
        double q = (p - WARM_UP) / (1 - WARM_UP);
        return (float) (peak * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * q))));
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "linear warm-up over 5%% of progress, then cosine to %.2e"
                        + " (peak %.2e); progress = max(step / %d, seconds / %.0f)",
                peak * 0.01f,
                peak,
                steps,
                limitSeconds);
    }
}
