package dev.heed.streams.sensors.internal;

import dev.heed.streams.internal.StateCache;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A series' two novelty memories in the {@code heed-novelty} store, one entry per remembered view
 * and one header per memory, so that a reading writes only what it changed (the header and the one
 * or two views it matched or remembered: a few hundred bytes, not the whole memory) to the
 * changelog. Keys: {@code <view>:<series>} for a header, {@code <view>@<slot>:<series>} for a
 * remembered view, {@code <view>} being {@code context} or {@code shape}. The decoded memories of
 * recently used series are cached (see {@link StateCache}).
 */
final class NoveltyStore {
    private static final String CONTEXT = "context";
    private static final String SHAPE = "shape";

    private final KeyValueStore<String, byte[]> store;
    private final StateCache<NoveltyMemory[]> cache;

    NoveltyStore(KeyValueStore<String, byte[]> store, int cacheSize) {
        this.store = store;
        this.cache = new StateCache<>(cacheSize);
    }

    /** Attaches the series' memories to {@code st}: none for a new series. */
    void attachTo(AnomalyState st, String series, boolean known) {
        if (!known) {
            st.attach(null, null);
            return;
        }
        NoveltyMemory[] m = cache.get(series);
        if (m == null) {
            m = new NoveltyMemory[] {read(CONTEXT, series), read(SHAPE, series)};
            cache.put(series, m);
        }
        st.attach(m[0], m[1]);
    }

    /** Writes what changed in {@code st}'s memories and keeps them decoded. */
    void save(AnomalyState st, String series) {
        write(CONTEXT, series, st.novelty);
        write(SHAPE, series, st.fine);
        cache.put(series, new NoveltyMemory[] {st.novelty, st.fine});
    }

    /** Deletes the series' memories. */
    void delete(String series) {
        for (String view : new String[] {CONTEXT, SHAPE}) {
            byte[] header = store.get(header(view, series));
            if (header != null) {
                int used = NoveltyMemory.usedSlots(header);
                for (int j = 0; j < used; j++) {
                    store.delete(slot(view, j, series));
                }
                store.delete(header(view, series));
            }
        }
        cache.remove(series);
    }

    /** Forgets the decoded memories (the store stays the source of truth). */
    void clearCache() {
        cache.clear();
    }

    private NoveltyMemory read(String view, String series) {
        byte[] header = store.get(header(view, series));
        return header == null
                ? null
                : NoveltyMemory.fromBytes(header, j -> store.get(slot(view, j, series)));
    }

    private void write(String view, String series, NoveltyMemory m) {
        if (m == null) {
            return;
        }
        for (int j = m.dirty.nextSetBit(0); j >= 0; j = m.dirty.nextSetBit(j + 1)) {
            store.put(slot(view, j, series), m.slotBytes(j));
        }
        if (m.changed) {
            store.put(header(view, series), m.headerBytes());
        }
    }

    private static String header(String view, String series) {
        return view + ":" + series;
    }

    private static String slot(String view, int j, String series) {
        return view + "@" + j + ":" + series;
    }
}
