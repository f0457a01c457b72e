package dev.heed.streams.sensors.internal;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * One series' memory of the model's own representation of its newest patch (the forecaster's
 * last-layer token, {@code E} numbers per variable; ARTime's central idea, novelty rather than
 * error, on the transformer's representation), kept in the changelog-backed {@code heed-novelty}
 * store beside the two views. Each window's embedding is compared with the nearest of up to {@code
 * capacity} remembered ones; the logarithm of that distance, against its long-run distribution,
 * says how new the window's end is to the model. An embedding further than the typical distance is
 * remembered when its window crosses a multiple of {@code every} readings (the least recently
 * matched makes room), so that the memory covers weeks rather than the last few hundred windows.
 *
 * <p>Size: {@code capacity * width} floats and 8 bytes per slot, plus a 53-byte header.
 */
final class EmbeddingMemory extends StoredMemory {
    private static final byte VERSION = 1;

    /** Added to a distance before its logarithm, so that identical embeddings score finitely. */
    static final double EPS = 1e-4;

    /**
     * Smallest long-run spread of the log distance: 0.25 (a factor of 1.28), chosen with 0.5 on the
     * choice set (docs/anomaly-experiments.md).
     */
    static final double LOG_SD_FLOOR = 0.25;

    /** Distances seen before a likelihood other than 0.5 is given. */
    static final int LEARN_AFTER = 16;

    final int width;

    /** Windows scored: the clock of {@link #lastUsed}. */
    long windows;

    /** The reading-count block ({@code readings / every}) of the last window scored. */
    long block = -1;

    /**
     * What the memory said of one embedding.
     *
     * @param distance mean absolute difference from the nearest remembered embedding (model units)
     * @param z the log distance's z-score against its long-run distribution (0 while learning)
     * @param likelihood the normal CDF of {@code z} (0.5 while learning)
     */
    record Seen(double distance, double z, double likelihood) {}

    EmbeddingMemory(int width, int capacity) {
        super(capacity);
        this.width = width;
    }

    /**
     * Scores {@code x} ({@code [width]}) and learns from it; {@code readings} is the series' count
     * after the window, {@code scoring} whether a likelihood may be given yet (the series has seen
     * enough of itself), {@code every} the readings per remembered embedding and {@code longRun}
     * the effective length, in windows, of the distance distribution.
     */
    Seen score(float[] x, long readings, boolean scoring, int every, int longRun) {
        windows++;
        changed = true;
        long was = block;
        block = readings / every;
        if (used == 0) {
            remember(x);
            return new Seen(0, 0, 0.5);
        }
        int nearest = 0;
        double raw = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used; j++) {
            double dj = distance(x, views[j], raw);
            if (dj < raw) {
                raw = dj;
                nearest = j;
            }
        }
        double d = Math.log(raw + EPS);
        double z = 0;
        if (scoring && distCount >= LEARN_AFTER) {
            z = (d - distMean) / Math.max(Math.sqrt(distVar), LOG_SD_FLOOR);
        }
        if ((d > distMean || distCount < LEARN_AFTER) && block != was) {
            remember(x);
        } else {
            touch(nearest, windows);
        }
        learnDistance(d, longRun);
        return new Seen(raw, z, z == 0 ? 0.5 : Normal.cdf(z));
    }

    private void remember(float[] x) {
        int slot = slotToFill();
        views[slot] = x.clone();
        touch(slot, windows);
    }

    /** Mean absolute difference; infinite once above {@code bound}. */
    private static double distance(float[] x, float[] y, double bound) {
        double sum = 0;
        double stop = bound * x.length;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
            if (sum > stop) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return sum / x.length;
    }

    @Override
    byte[] headerBytes() {
        ByteBuffer out = ByteBuffer.allocate(HEADER);
        out.put(VERSION).putInt(width).putInt(capacity).putInt(used);
        out.putLong(windows).putLong(block);
        out.putDouble(distMean).putDouble(distVar).putLong(distCount);
        changed = false;
        return out.array();
    }

    @Override
    byte[] slotBytes(int slot) {
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * width);
        out.putLong(lastUsed[slot]);
        out.asFloatBuffer().put(views[slot]);
        dirty.clear(slot);
        return out.array();
    }

    /** Header plus every used slot, in bytes. */
    int stateBytes() {
        return HEADER + used * (8 + 4 * width);
    }

    private static final int HEADER = 1 + 12 + 16 + 24;

    /** How many slots the memory of {@code header} uses. */
    static int usedSlots(byte[] header) {
        return ByteBuffer.wrap(header).getInt(9);
    }

    /**
     * The memory of {@code header}, with each used slot's bytes from {@code slot}; its embeddings
     * left out when {@code slot} is null.
     */
    static EmbeddingMemory fromBytes(byte[] header, IntFunction<byte[]> slot) {
        ByteBuffer in = ByteBuffer.wrap(header);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown embedding memory version " + version);
        }
        EmbeddingMemory m = new EmbeddingMemory(in.getInt(), in.getInt());
        m.used = in.getInt();
        m.windows = in.getLong();
        m.block = in.getLong();
        m.distMean = in.getDouble();
        m.distVar = in.getDouble();
        m.distCount = in.getLong();
        for (int j = 0; slot != null && j < m.used; j++) {
            byte[] b = slot.apply(j);
            if (b == null) {
                throw new IllegalStateException("embedding memory slot " + j + " is missing");
            }
            ByteBuffer s = ByteBuffer.wrap(b);
            m.lastUsed[j] = s.getLong();
            m.views[j] = new float[m.width];
            s.asFloatBuffer().get(m.views[j]);
        }
        return m;
    }
}
