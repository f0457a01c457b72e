package dev.heed.streams.sensors.internal;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

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
final class NoveltyMemory extends StoredMemory {
    private static final byte VERSION = 1;

    final int vars;
    final int points;

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

    /** Each remembered view's mean per variable (not stored: derived from the view). */
    final double[][] means;

    NoveltyMemory(int vars, int points, int capacity) {
        super(capacity);
        this.vars = vars;
        this.points = points;
        partial = new double[vars];
        ring = new float[points][vars];
        ringStart = new long[points];
        means = new double[capacity][];
    }

    /** {@code [vars]} the mean of view {@code x} ({@code [points * vars]}) per variable. */
    double[] meanOf(float[] x) {
        double[] mean = new double[vars];
        for (int i = 0; i < x.length; i++) {
            mean[i % vars] += x[i];
        }
        for (int v = 0; v < vars; v++) {
            mean[v] /= points;
        }
        return mean;
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

    /**
     * Remembers {@code x} ({@code [points * vars]}, oldest point first), in place of the least
     * recently matched view when full.
     */
    void remember(float[] x) {
        int slot = slotToFill();
        views[slot] = x;
        means[slot] = meanOf(x);
        touch(slot);
    }

    /** Marks the view in {@code slot} as matched now. */
    void touch(int slot) {
        touch(slot, buckets);
    }

    /**
     * Everything but the remembered views: sizes, the bucket in progress, the current view, the
     * distance statistics and how many slots are used. Clears {@link #changed}.
     */
    @Override
    byte[] headerBytes() {
        ByteBuffer out = ByteBuffer.allocate(headerSize());
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
        out.putDouble(distMean).putDouble(distVar).putLong(distCount);
        changed = false;
        return out.array();
    }

    /** The view in {@code slot} and its last use. Clears the slot's dirty mark. */
    @Override
    byte[] slotBytes(int slot) {
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * points * vars);
        out.putLong(lastUsed[slot]);
        putFloats(out, views[slot]);
        dirty.clear(slot);
        return out.array();
    }

    /** Header plus every used slot: the whole state's size, in bytes (encodes nothing). */
    int stateBytes() {
        return headerSize() + used * (8 + 4 * points * vars);
    }

    /** Bytes in {@link #headerBytes()}. */
    private int headerSize() {
        return 13 + 8 * vars + 12 + points * (8 + 4 * vars) + 16 + 24;
    }

    private static void putFloats(ByteBuffer out, float[] x) {
        out.asFloatBuffer().put(x);
        out.position(out.position() + 4 * x.length);
    }

    private static void getFloats(ByteBuffer in, float[] x) {
        in.asFloatBuffer().get(x);
        in.position(in.position() + 4 * x.length);
    }

    /** How many slots the memory of {@code header} uses. */
    static int usedSlots(byte[] header) {
        return fromBytes(header, null).used;
    }

    /**
     * The memory of {@code header}, with each used slot's bytes from {@code slot}; its views left
     * out when {@code slot} is null.
     */
    static NoveltyMemory fromBytes(byte[] header, IntFunction<byte[]> slot) {
        ByteBuffer in = ByteBuffer.wrap(header);
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
        m.distMean = in.getDouble();
        m.distVar = in.getDouble();
        m.distCount = in.getLong();
        for (int j = 0; slot != null && j < m.used; j++) {
            byte[] b = slot.apply(j);
            if (b == null) {
                throw new IllegalStateException("novelty memory slot " + j + " is missing");
            }
            ByteBuffer s = ByteBuffer.wrap(b);
            m.lastUsed[j] = s.getLong();
            m.views[j] = new float[points * vars];
            getFloats(s, m.views[j]);
            m.means[j] = m.meanOf(m.views[j]);
        }
        return m;
    }
}
