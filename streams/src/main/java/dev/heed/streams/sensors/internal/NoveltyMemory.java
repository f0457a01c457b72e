package dev.heed.streams.sensors.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One series' long-context memory, kept in the changelog-backed {@code heed-novelty} store: the
 * last {@code points} bucket means of a long span (by default one day of the series' sampling, so
 * the view of a 5-minute series is its last 24 hours in hourly means), and up to {@code capacity}
 * such views seen before. At every completed bucket the current view is compared with the nearest
 * remembered one; how far it is, against the long-run distribution of that distance, says how new
 * the shape of the last span is (the idea of ARTime and CAD OSE: novelty, not forecast error). A
 * view further than the typical distance from every remembered one is remembered in turn (the least
 * recently matched one makes room), so a shape that repeats stops being new.
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
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(64 + vars * (12 + points * 4) + used * points * vars * 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeShort(vars);
            out.writeShort(points);
            out.writeInt(capacity);
            out.writeInt(bucket);
            for (double p : partial) {
                out.writeDouble(p);
            }
            out.writeInt(partialCount);
            out.writeLong(partialStart);
            for (int i = 0; i < points; i++) {
                out.writeLong(ringStart[i]);
                for (float f : ring[i]) {
                    out.writeFloat(f);
                }
            }
            out.writeInt(ringPos);
            out.writeLong(buckets);
            out.writeInt(used);
            for (int j = 0; j < used; j++) {
                out.writeLong(lastUsed[j]);
                for (float f : views[j]) {
                    out.writeFloat(f);
                }
            }
            out.writeDouble(distMean);
            out.writeDouble(distVar);
            out.writeLong(distCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed = false;
        return bytes.toByteArray();
    }

    /** Both memories of a series in one store value; either may be null. */
    static byte[] pack(NoveltyMemory longView, NoveltyMemory fineView) {
        byte[] a = longView == null ? new byte[0] : longView.toBytes();
        byte[] b = fineView == null ? new byte[0] : fineView.toBytes();
        return java.nio.ByteBuffer.allocate(8 + a.length + b.length)
                .putInt(a.length)
                .put(a)
                .putInt(b.length)
                .put(b)
                .array();
    }

    /** The two memories {@link #pack} packed, nulls where absent. */
    static NoveltyMemory[] unpack(byte[] bytes) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        NoveltyMemory[] out = new NoveltyMemory[2];
        for (int i = 0; i < 2; i++) {
            byte[] b = new byte[buf.getInt()];
            buf.get(b);
            out[i] = b.length == 0 ? null : fromBytes(b);
        }
        return out;
    }

    static NoveltyMemory fromBytes(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown novelty memory version " + version);
            }
            int vars = in.readShort();
            int points = in.readShort();
            NoveltyMemory m = new NoveltyMemory(vars, points, in.readInt());
            m.bucket = in.readInt();
            for (int v = 0; v < vars; v++) {
                m.partial[v] = in.readDouble();
            }
            m.partialCount = in.readInt();
            m.partialStart = in.readLong();
            for (int i = 0; i < points; i++) {
                m.ringStart[i] = in.readLong();
                for (int v = 0; v < vars; v++) {
                    m.ring[i][v] = in.readFloat();
                }
            }
            m.ringPos = in.readInt();
            m.buckets = in.readLong();
            m.used = in.readInt();
            for (int j = 0; j < m.used; j++) {
                m.lastUsed[j] = in.readLong();
                m.views[j] = new float[points * vars];
                for (int i = 0; i < m.views[j].length; i++) {
                    m.views[j][i] = in.readFloat();
                }
            }
            m.distMean = in.readDouble();
            m.distVar = in.readDouble();
            m.distCount = in.readLong();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
