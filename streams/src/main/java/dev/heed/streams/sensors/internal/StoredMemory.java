package dev.heed.streams.sensors.internal;

import java.util.BitSet;

/**
 * A per-series memory that {@link NoveltyStore} keeps as one header and one entry per slot, so that
 * a reading writes only what it changed.
 */
abstract class StoredMemory {
    /** Whether the header changed since it was last encoded. */
    transient boolean changed;

    /** Slots changed since they were last encoded. */
    transient BitSet dirty = new BitSet();

    /** The header's bytes; clears {@link #changed}. */
    abstract byte[] headerBytes();

    /** Slot {@code slot}'s bytes; clears its dirty mark. */
    abstract byte[] slotBytes(int slot);
}
