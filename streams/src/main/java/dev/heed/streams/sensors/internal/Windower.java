package dev.heed.streams.sensors.internal;

import dev.heed.streams.internal.Reason;
import dev.heed.streams.internal.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a series' readings into windows: reorders readings within the grace period, then either
 * counts readings as steps ({@code count} mode) or resamples them to a fixed interval ({@code time}
 * mode: one step per interval, the mean of its readings; empty intervals are filled by linear
 * interpolation and marked, up to {@code maxFill} in a row, after which the window restarts). A
 * window of {@code steps} steps is emitted every {@code stride} steps.
 */
final class Windower {
    private final int steps;
    private final int stride;
    private final long intervalMs;
    private final int maxFill;
    private final long graceMs;
    private final int maxHeld;

    /**
     * @param intervalMs resampling interval, or 0 for count mode
     * @param maxHeld readings held for reordering at most ({@code window.max.held}); past it the
     *     oldest is released before the grace period ends
     */
    Windower(int steps, int stride, long intervalMs, int maxFill, long graceMs, int maxHeld) {
        this.maxHeld = maxHeld;
        this.steps = steps;
        this.stride = stride;
        this.intervalMs = intervalMs;
        this.maxFill = maxFill;
        this.graceMs = graceMs;
    }

    int steps() {
        return steps;
    }

    /**
     * Adds a reading (whose variables the caller checked) and returns the windows it completes.
     *
     * @throws Rejection {@link Reason#LATE} for a reading at or before the last released one
     */
    List<WindowSnapshot> accept(SeriesState s, Reading r, long arrivalNanos) throws Rejection {
        if (r.ts() <= s.lastReleasedTs) {
            throw new Rejection(
                    Reason.LATE,
                    "reading at ts "
                            + r.ts()
                            + " for series '"
                            + r.series()
                            + "' is "
                            + (s.lastReleasedTs - r.ts())
                            + " ms older than (or equal to) the last processed "
                            + "reading at ts "
                            + s.lastReleasedTs
                            + "; window.grace="
                            + graceMs
                            + "ms; raise window.grace to reorder later readings");
        }
        int at = insertionPoint(s.held, r.ts());
        if (at < s.held.size() && s.held.get(at).ts() == r.ts()) {
            throw new Rejection(
                    Reason.LATE,
                    "duplicate reading at ts " + r.ts() + " for series '" + r.series() + "'");
        }
        s.held.add(at, new SeriesState.Held(r.ts(), r.values()));
        s.maxSeenTs = Math.max(s.maxSeenTs, r.ts());
        List<WindowSnapshot> out = new ArrayList<>(1);
        while (!s.held.isEmpty()
                && (s.held.get(0).ts() <= s.maxSeenTs - graceMs || s.held.size() > maxHeld)) {
            release(s, r.series(), arrivalNanos, out);
        }
        return out;
    }

    /**
     * Releases every held reading, grace or not: for a series that is expiring.
     *
     * @return the windows they complete
     */
    List<WindowSnapshot> releaseAll(SeriesState s, String series, long arrivalNanos) {
        List<WindowSnapshot> out = new ArrayList<>(0);
        while (!s.held.isEmpty()) {
            release(s, series, arrivalNanos, out);
        }
        return out;
    }

    private void release(
            SeriesState s, String series, long arrivalNanos, List<WindowSnapshot> out) {
        SeriesState.Held h = s.held.remove(0);
        s.lastReleasedTs = h.ts();
        if (intervalMs <= 0) {
            if (s.append(h.ts(), toFloat(h.values()), false, stride)) {
                out.add(s.snapshot(series, arrivalNanos));
            }
        } else {
            resample(s, h, series, arrivalNanos, out);
        }
    }

    private void resample(
            SeriesState s,
            SeriesState.Held h,
            String series,
            long arrivalNanos,
            List<WindowSnapshot> out) {
        long slot = Math.floorDiv(h.ts(), intervalMs) * intervalMs;
        if (s.slotStart != Long.MIN_VALUE && slot > s.slotStart) {
            float[] mean = new float[s.names.length];
            for (int c = 0; c < mean.length; c++) {
                mean[c] = (float) (s.slotSum[c] / s.slotCount);
            }
            emitStep(s, s.slotStart, mean, false, series, arrivalNanos, out);
            long missing = (slot - s.slotStart) / intervalMs - 1;
            if (missing > maxFill) {
                s.resetSteps();
            } else {
                for (int k = 1; k <= missing; k++) {
                    float[] v = new float[mean.length];
                    for (int c = 0; c < v.length; c++) {
                        v[c] = (float) (mean[c] + (h.values()[c] - mean[c]) * k / (missing + 1));
                    }
                    emitStep(s, s.slotStart + k * intervalMs, v, true, series, arrivalNanos, out);
                }
            }
        }
        if (slot != s.slotStart) {
            s.slotStart = slot;
            s.slotCount = 0;
            Arrays.fill(s.slotSum, 0);
        }
        for (int c = 0; c < s.slotSum.length; c++) {
            s.slotSum[c] += h.values()[c];
        }
        s.slotCount++;
    }

    private void emitStep(
            SeriesState s,
            long ts,
            float[] v,
            boolean filled,
            String series,
            long arrivalNanos,
            List<WindowSnapshot> out) {
        if (s.append(ts, v, filled, stride)) {
            out.add(s.snapshot(series, arrivalNanos));
        }
    }

    private static int insertionPoint(List<SeriesState.Held> held, long ts) {
        int i = held.size();
        while (i > 0 && held.get(i - 1).ts() >= ts) {
            i--;
        }
        return i;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
