package dev.heed.models.training.internal;

import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/** A linear warm-up over the first 10% of steps, then a cosine decay to 1% of the peak. */
public final class LrSchedule {

    private final int warmUpSteps;
    private final int totalSteps;
    private final float peak;
    private final Tracker tracker;

    public LrSchedule(double peak, int totalSteps) {
        this.peak = (float) peak;
        this.totalSteps = Math.max(2, totalSteps);
        this.warmUpSteps = Math.max(1, this.totalSteps / 10);
        Tracker cosine =
                Tracker.cosine()
                        .setBaseValue(this.peak)
                        .optFinalValue(this.peak * 0.01f)
                        .setMaxUpdates(this.totalSteps - warmUpSteps)
                        .build();
        this.tracker = Tracker.warmUp().setMainTracker(cosine).optWarmUpSteps(warmUpSteps).build();
    }

    /** The tracker Adam asks with its 1-based update count. */
    public Tracker tracker() {
        return tracker;
    }

    /** The learning rate at an update count. */
    public float at(int step) {
        return tracker.getNewValue(step);
    }

    /** As recorded in model.json. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "linear warm-up %d steps then cosine to %.2e over %d steps (peak %.2e)",
                warmUpSteps,
                peak * 0.01f,
                totalSteps,
                peak);
    }
}
