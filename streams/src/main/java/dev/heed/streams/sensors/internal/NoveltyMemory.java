package dev.heed.streams.sensors.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One series' memory of one view (the long context or the recent shape), kept in the
 * changelog-backed {@code heed-novelty} store: the last {@code points} bucket means of a long span
 * (by default one day of the series' sampling, so the view of a 5-minute series is its last 24
 * hours in hourly means), and up to {@code capacity} such views seen before. At every completed
 * bucket the current view is compared with the nearest remembered one; how far it is, against the
 * long-run distribution of that distance, says how new the shape of the last span is (the idea of
 * ARTime and CAD OSE: novelty, not forecast error). A view further than the typical distance from
 * every remembered one is remembered in turn (the least recently matched one makes room), so a
 * shape that repeats stops being new.
 *
 * <p>Values are compared in units of each variable's range seen so far: no look-ahead. Size: {@code
 * capacity * points * variables} floats, plus one view.
 */
final class NoveltyMemory {
    private static final byte VERSION = 1;

    final int vars;
    final int points;
    final int capacity;

    /** Readings per bucket, fixed from the series' sampling at its first window. */
    int bucket;

    /** The bucket being filled: per-variable sums, readings in it, its first timestamp. */
    final double[] partial;

    int partialCount;
    long partialStart;

    /**
     * Ring of completed bucket means, {@code [points][vars]}, and each bucket's first timestamp.
     */
    final float[][] ring;

    final long[] ringStart;
    int ringPos;
    long buckets;

    /** Remembered views, {@code [capacity][points * vars]}, oldest point first. */
    final float[][] views;

    final long[] lastUsed;
    int used;

    /** Long-run mean and variance of the nearest-view distance, and how many were seen. */
    double distMean;

    double distVar;
    long distCount;

    /** Whether something a store must keep changed since the last {@link #toBytes()}. */
    transient boolean changed;

    NoveltyMemory(int vars, int points, int capacity) {
        this.vars = vars;
        this.points = points;
        this.capacity = capacity;
        partial = new double[vars];
        ring = new float[points][vars];
        ringStart = new long[points];
        views = new float[capacity][];
        lastUsed = new long[capacity];
    }

    /** Whether the last {@code points} buckets are complete. */
    boolean full() {
        return buckets >= points;
    }

    /**
     * Adds one reading; returns true when it completed a bucket (the view then moved on by one
     * bucket).
     */
    boolean add(long ts, float[] values) {
        if (partialCount == 0) {
            partialStart = ts;
        }
        for (int v = 0; v < vars; v++) {
            partial[v] += values[v];
        }
        partialCount++;
        if (partialCount < bucket) {
            return false;
        }
        for (int v = 0; v < vars; v++) {
            ring[ringPos][v] = (float) (partial[v] / partialCount);
            partial[v] = 0;
        }
        ringStart[ringPos] = partialStart;
        ringPos = (ringPos + 1) % points;
        buckets++;
        partialCount = 0;
        changed = true;
        return true;
    }

    /** The current view, oldest bucket first, {@code [points * vars]}. */
    float[] view() {
        float[] x = new float[points * vars];
        for (int i = 0; i < points; i++) {
            System.arraycopy(ring[(ringPos + i) % points], 0, x, i * vars, vars);
        }
        return x;
    }

    /** The first timestamp of the view's bucket {@code i} (0 the oldest). */
    long bucketStart(int i) {
        return ringStart[(ringPos + i) % points];
    }

    /** Remembers {@code x}, in place of the least recently matched view when full. */
    void remember(float[] x) {
        int slot;
        if (used < capacity) {
            slot = used++;
        } else {
            slot = 0;
            for (int j = 1; j < capacity; j++) {
                if (lastUsed[j] < lastUsed[slot]) {
                    slot = j;
                }
            }
        }
        views[slot] = x;
        lastUsed[slot] = buckets;
    }

    byte[] toBytes() {
        int size =
                4
                        + 4
                        + 4
                        + 4
                        + 1
                        + 8 * vars
                        + 4
                        + 8
                        + points * (8 + 4 * vars)
                        + 4
                        + 8
                        + 4
                        + used * (8 + 4 * points * vars)
                        + 24;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putShort((short) vars).putShort((short) points);
        out.putInt(capacity).putInt(bucket);
        for (double p : partial) {
            out.putDouble(p);
        }
        out.putInt(partialCount).putLong(partialStart);
        for (int i = 0; i < points; i++) {
            out.putLong(ringStart[i]);
            putFloats(out, ring[i]);
        }
        out.putInt(ringPos).putLong(buckets).putInt(used);
        for (int j = 0; j < used; j++) {
            out.putLong(lastUsed[j]);
            putFloats(out, views[j]);
        }
        out.putDouble(distMean).putDouble(distVar).putLong(distCount);
        changed = false;
        return Arrays.copyOf(out.array(), out.position());
    }

    private static void putFloats(ByteBuffer out, float[] x) {
        out.asFloatBuffer().put(x);
        out.position(out.position() + 4 * x.length);
    }

    private static void getFloats(ByteBuffer in, float[] x) {
        in.asFloatBuffer().get(x);
        in.position(in.position() + 4 * x.length);
    }

    static NoveltyMemory fromBytes(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown novelty memory version " + version);
        }
        int vars = in.getShort();
        int points = in.getShort();
        NoveltyMemory m = new NoveltyMemory(vars, points, in.getInt());
        m.bucket = in.getInt();
        for (int v = 0; v < vars; v++) {
            m.partial[v] = in.getDouble();
        }
        m.partialCount = in.getInt();
        m.partialStart = in.getLong();
        for (int i = 0; i < points; i++) {
            m.ringStart[i] = in.getLong();
            getFloats(in, m.ring[i]);
        }
        m.ringPos = in.getInt();
        m.buckets = in.getLong();
        m.used = in.getInt();
        for (int j = 0; j < m.used; j++) {
            m.lastUsed[j] = in.getLong();
            m.views[j] = new float[points * vars];
            getFloats(in, m.views[j]);
        }
        m.distMean = in.getDouble();
        m.distVar = in.getDouble();
        m.distCount = in.getLong();
        return m;
    }
}
