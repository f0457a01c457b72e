package dev.heed.streams.sensors.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A stuck sensor: runs of identical values, each variable judged against its own repeats. Per
 * variable: how many readings repeated its value before and how many of those followed a repeat;
 * counted before the current run, {@code p2 = (repeatsAfterRepeat + 1) / (repeats + 2)} is how
 * likely one more repeat is inside a run (1/2 for a variable that never repeated). A run of {@code
 * n} identical values has chance {@code p2^(n - 1)}; when that first falls to {@code anomaly.stuck}
 * (one in a million by default) the run alarms, once. A variable whose readings sit on integers or
 * at zero for hours has a high {@code p2}, so its everyday runs do not alarm; a sensor that reports
 * the same value where it never did before does, even when the series' other variables move. State
 * per variable: the last value, two counts, the run's length and start (33 bytes; 35 for a
 * single-variable series with the header).
 */
final class StuckRun {
    float[] last;
    long[] repeats;
    long[] repeatsAfterRepeat;
    int[] run;
    long[] runStart;
    boolean[] alarmed;

    /**
     * What a run that alarmed looked like.
     *
     * @param variable index of the variable that is stuck
     */
    record Seen(int variable, int readings, long sinceMs, double chance) {}

    /**
     * Learns reading {@code t} of {@code values} {@code (variables, steps)}, at {@code ts}; returns
     * the least likely run that has just become less likely than {@code chance} under its
     * variable's own repeats, else null.
     */
    Seen observe(float[][] values, int t, long ts, double chance) {
        if (last == null || last.length != values.length) {
            start(values, t, ts);
            return null;
        }
        Seen seen = null;
        for (int v = 0; v < values.length; v++) {
            Seen s = observe(v, values[v][t], ts, chance);
            if (s != null && (seen == null || s.chance() < seen.chance())) {
                seen = s;
            }
        }
        return seen;
    }

    private Seen observe(int v, float x, long ts, double chance) {
        boolean same = Float.compare(x, last[v]) == 0;
        last[v] = x;
        if (!same) {
            run[v] = 1;
            runStart[v] = ts;
            alarmed[v] = false;
            return null;
        }
        if (run[v] > 1) {
            repeatsAfterRepeat[v]++;
        }
        repeats[v]++;
        run[v]++;
        if (alarmed[v] || chance <= 0) {
            return null;
        }
        // the variable's repeats before this run: the run under judgement does not vouch for itself
        long before = repeats[v] - (run[v] - 1);
        long afterRepeatBefore = repeatsAfterRepeat[v] - (run[v] - 2);
        double p2 = (afterRepeatBefore + 1.0) / (before + 2.0);
        double c = Math.exp((run[v] - 1) * Math.log(p2));
        if (c > chance) {
            return null;
        }
        alarmed[v] = true;
        return new Seen(v, run[v], runStart[v], c);
    }

    /** A first reading (or one with another number of variables): every run starts at it. */
    private void start(float[][] values, int t, long ts) {
        start(values.length, ts);
        for (int v = 0; v < last.length; v++) {
            last[v] = values[v][t];
        }
    }

    private void start(int n, long ts) {
        last = new float[n];
        repeats = new long[n];
        repeatsAfterRepeat = new long[n];
        run = new int[n];
        runStart = new long[n];
        alarmed = new boolean[n];
        Arrays.fill(run, 1);
        Arrays.fill(runStart, ts);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeShort(last == null ? 0 : last.length);
        for (int v = 0; last != null && v < last.length; v++) {
            out.writeFloat(last[v]);
            out.writeLong(repeats[v]);
            out.writeLong(repeatsAfterRepeat[v]);
            out.writeInt(run[v]);
            out.writeLong(runStart[v]);
            out.writeBoolean(alarmed[v]);
        }
    }

    static StuckRun read(DataInputStream in) throws IOException {
        StuckRun s = new StuckRun();
        int n = in.readShort();
        if (n > 0) {
            s.start(n, Long.MIN_VALUE);
            for (int v = 0; v < n; v++) {
                s.last[v] = in.readFloat();
                s.repeats[v] = in.readLong();
                s.repeatsAfterRepeat[v] = in.readLong();
                s.run[v] = in.readInt();
                s.runStart[v] = in.readLong();
                s.alarmed[v] = in.readBoolean();
            }
        }
        return s;
    }

    /**
     * A state of version 6, whose counts were of whole readings: kept as they are for a single
     * variable (the same thing); for several, only the last reading is kept and every variable's
     * counts start again.
     */
    static StuckRun readWholeReadings(DataInputStream in) throws IOException {
        StuckRun s = new StuckRun();
        int n = in.readShort();
        float[] last = new float[n];
        for (int i = 0; i < n; i++) {
            last[i] = in.readFloat();
        }
        long repeats = in.readLong();
        long repeatsAfterRepeat = in.readLong();
        int run = in.readInt();
        long runStart = in.readLong();
        boolean alarmed = in.readBoolean();
        if (n == 0) {
            return s;
        }
        s.start(n, runStart);
        s.last = last;
        if (n == 1) {
            s.repeats[0] = repeats;
            s.repeatsAfterRepeat[0] = repeatsAfterRepeat;
            s.run[0] = run;
            s.alarmed[0] = alarmed;
        }
        return s;
    }
}
