package dev.heed.streams.sensors.internal;

import java.util.BitSet;

/**
 * A per-series memory of up to {@code capacity} remembered vectors that {@link NoveltyStore} keeps
 * as one header and one entry per slot, so that a reading writes only what it changed: the slots,
 * when each was last matched (the least recently matched makes room), and the long-run distribution
 * of the distance to the nearest one.
 */
abstract class StoredMemory {
    final int capacity;

    /** Remembered vectors, {@code [capacity][]}, and when each was last matched. */
    final float[][] views;

    final long[] lastUsed;
    int used;

    /** Long-run mean and variance of the nearest-vector distance, and how many were seen. */
    double distMean;

    double distVar;
    long distCount;

    /** Whether the header changed since it was last encoded. */
    transient boolean changed;

    /** Slots changed since they were last encoded. */
    transient BitSet dirty = new BitSet();

    StoredMemory(int capacity) {
        this.capacity = capacity;
        views = new float[capacity][];
        lastUsed = new long[capacity];
    }

    /** A free slot, or the least recently matched one when every slot is used. */
    int slotToFill() {
        if (used < capacity) {
            return used++;
        }
        int slot = 0;
        for (int j = 1; j < capacity; j++) {
            if (lastUsed[j] < lastUsed[slot]) {
                slot = j;
            }
        }
        return slot;
    }

    /** Marks {@code slot} as matched at {@code now}. */
    void touch(int slot, long now) {
        lastUsed[slot] = now;
        dirty.set(slot);
    }

    /**
     * Learns distance {@code d} into the long-run distribution (effective length {@code longRun}).
     */
    void learnDistance(double d, int longRun) {
        distCount++;
        double alpha = 1.0 / Math.min(distCount, longRun);
        double delta = d - distMean;
        distMean += alpha * delta;
        distVar = (1 - alpha) * (distVar + alpha * delta * delta);
    }

    /** The header's bytes; clears {@link #changed}. */
    abstract byte[] headerBytes();

    /** Slot {@code slot}'s bytes; clears its dirty mark. */
    abstract byte[] slotBytes(int slot);
}
