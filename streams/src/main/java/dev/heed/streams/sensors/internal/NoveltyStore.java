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

    /**
     * Series whose decoded memories are kept: a full pair of one variable is about 41 KB, so about
     * 10 MB per task.
     */
    static final int CACHE_SIZE = 256;

    private final KeyValueStore<String, byte[]> store;
    private final NoveltySettings settings;
    private final StateCache<NoveltyMemory[]> cache = new StateCache<>(CACHE_SIZE);

    NoveltyStore(KeyValueStore<String, byte[]> store, NoveltySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Attaches the series' memories to {@code st}: none for a new series. A stored memory that the
     * settings no longer ask for, or of another size, is deleted (the detector starts one as the
     * settings say).
     */
    void attachTo(AnomalyState st, String series, boolean known) {
        if (!known) {
            st.attach(null, null);
            return;
        }
        NoveltyMemory[] m = cache.get(series);
        if (m == null) {
            int vars = st.mean.length;
            m =
                    new NoveltyMemory[] {
                        current(CONTEXT, series, settings.spanMs() > 0, settings.points(), vars),
                        current(SHAPE, series, settings.fine() > 0, settings.fine(), vars)
                    };
            cache.put(series, m);
        }
        st.attach(m[0], m[1]);
    }

    private NoveltyMemory current(String view, String series, boolean on, int points, int vars) {
        NoveltyMemory m = read(view, series);
        if (m != null
                && (!on
                        || m.points != points
                        || m.capacity != settings.memory()
                        || m.vars != vars)) {
            deleteView(view, series);
            return null;
        }
        return m;
    }

    /** Writes what changed in {@code st}'s memories and keeps them decoded. */
    void save(AnomalyState st, String series) {
        write(CONTEXT, series, st.novelty);
        write(SHAPE, series, st.fine);
        cache.put(series, new NoveltyMemory[] {st.novelty, st.fine});
    }

    /** Deletes the series' memories. */
    void delete(String series) {
        deleteView(CONTEXT, series);
        deleteView(SHAPE, series);
        cache.remove(series);
    }

    private void deleteView(String view, String series) {
        byte[] header = store.get(header(view, series));
        if (header != null) {
            int used = NoveltyMemory.usedSlots(header);
            for (int j = 0; j < used; j++) {
                store.delete(slot(view, j, series));
            }
            store.delete(header(view, series));
        }
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
