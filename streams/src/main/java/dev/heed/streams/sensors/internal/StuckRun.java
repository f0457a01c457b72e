package dev.heed.streams.sensors.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A stuck sensor: runs of identical readings, judged against the series' own repeats. Per series:
 * how many readings repeated the one before (every variable equal) and how many of those followed a
 * repeat; counted before the current run, {@code p2 = (repeatsAfterRepeat + 1) / (repeats + 2)} is
 * how likely one more repeat is inside a run (1/2 for a series that never repeated). A run of
 * {@code n} identical readings has chance {@code p2^(n - 1)}; when that first falls to {@code
 * anomaly.stuck} (one in a million by default) the run alarms, once. A series whose readings sit on
 * integers or at zero for hours has a high {@code p2}, so its everyday runs do not alarm; a sensor
 * that reports the same value where it never did before does. State: the last reading, two counts,
 * the run's length and start (about 40 bytes per single-variable series).
 */
final class StuckRun {
    float[] last;
    long repeats;
    long repeatsAfterRepeat;
    int run = 1;
    long runStart = Long.MIN_VALUE;
    boolean alarmed;

    /** What a run that alarmed looked like. */
    record Seen(int readings, long sinceMs, double chance) {}

    /**
     * Learns reading {@code x} at {@code ts} (kept as the last reading: the caller hands it over);
     * returns the run when it has just become less likely than {@code chance} under the series' own
     * repeats, else null.
     */
    Seen observe(float[] x, long ts, double chance) {
        boolean same = last != null && last.length == x.length;
        for (int v = 0; same && v < x.length; v++) {
            same = Float.compare(x[v], last[v]) == 0;
        }
        last = x;
        if (!same) {
            run = 1;
            runStart = ts;
            alarmed = false;
            return null;
        }
        if (run > 1) {
            repeatsAfterRepeat++;
        }
        repeats++;
        run++;
        if (alarmed || chance <= 0) {
            return null;
        }
        // the series' repeats before this run: the run under judgement does not vouch for itself
        long before = repeats - (run - 1);
        long afterRepeatBefore = repeatsAfterRepeat - (run - 2);
        double p2 = (afterRepeatBefore + 1.0) / (before + 2.0);
        double c = Math.exp((run - 1) * Math.log(p2));
        if (c > chance) {
            return null;
        }
        alarmed = true;
        return new Seen(run, runStart, c);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeShort(last == null ? 0 : last.length);
        if (last != null) {
            for (float f : last) {
                out.writeFloat(f);
            }
        }
        out.writeLong(repeats);
        out.writeLong(repeatsAfterRepeat);
        out.writeInt(run);
        out.writeLong(runStart);
        out.writeBoolean(alarmed);
    }

    static StuckRun read(DataInputStream in) throws IOException {
        StuckRun s = new StuckRun();
        int n = in.readShort();
        if (n > 0) {
            s.last = new float[n];
            for (int i = 0; i < n; i++) {
                s.last[i] = in.readFloat();
            }
        }
        s.repeats = in.readLong();
        s.repeatsAfterRepeat = in.readLong();
        s.run = in.readInt();
        s.runStart = in.readLong();
        s.alarmed = in.readBoolean();
        return s;
    }
}
