package dev.heed.streams.sensors.internal;

import java.util.BitSet;

/**
 * A per-series memory that {@link NoveltyStore} keeps as one header and one entry per slot, so that
 * a reading writes only what it changed.
 */
interface StoredMemory {
    /** Slots changed since they were last encoded. */
    BitSet dirtySlots();

    /** Whether the header changed since it was last encoded. */
    boolean headerChanged();

    /** The header's bytes; clears {@link #headerChanged()}. */
    byte[] headerBytes();

    /** Slot {@code slot}'s bytes; clears its dirty mark. */
    byte[] slotBytes(int slot);
}
