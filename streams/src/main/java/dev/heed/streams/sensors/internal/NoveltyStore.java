package dev.heed.streams.sensors.internal;

import dev.heed.streams.internal.StateCache;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A series' novelty memories in the {@code heed-novelty} store, one entry per remembered view and
 * one header per memory, so that a reading writes only what it changed (the header and the one or
 * two views it matched or remembered: a few hundred bytes, not the whole memory) to the changelog.
 * Keys: {@code <view>:<series>} for a header, {@code <view>@<slot>:<series>} for a remembered view,
 * {@code <view>} being {@code context}, {@code shape} or {@code embedding}; an embedding's slots
 * are {@code embedding#<length of series>:<series>@<slot>}, one prefix per series, so that a series
 * whose memories are not cached reads them in one scan rather than one lookup per slot. The decoded
 * memories of recently used series are cached (see {@link StateCache}).
 */
final class NoveltyStore {
    private static final String CONTEXT = "context";
    private static final String SHAPE = "shape";
    private static final String EMBEDDING = "embedding";

    /** One series' decoded memories; any may be null. */
    private record Memories(
            NoveltyMemory context, NoveltyMemory shape, EmbeddingMemory embedding) {}

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> store;
    private final NoveltySettings settings;

    /**
     * The decoded memories of the last {@code settings.cache()} series: a full set for one variable
     * and a 64-wide embedding is about 113 KB.
     */
    private final StateCache<Memories> cache;

    NoveltyStore(KeyValueStore<String, byte[]> store, NoveltySettings settings) {
        this.store = store;
        this.settings = settings;
        this.cache = new StateCache<>(settings.cache());
    }

    /**
     * Attaches the series' memories to {@code st}: none for a new series. A stored memory that the
     * settings no longer ask for, or of another size (an embedding of another {@code width}: the
     * model changed), is deleted (the detector starts one as the settings say).
     *
     * @param width the length of this window's embedding, 0 when the model gives none
     */
    void attachTo(AnomalyState st, String series, boolean known, int width) {
        if (!known) {
            st.attach(null, null, null);
            return;
        }
        Memories m = cache.get(series);
        if (m == null || (m.embedding() != null && m.embedding().width != width)) {
            int vars = st.mean.length;
            m =
                    new Memories(
                            current(
                                    CONTEXT,
                                    series,
                                    settings.spanMs() > 0,
                                    settings.points(),
                                    vars),
                            current(SHAPE, series, settings.fine() > 0, settings.fine(), vars),
                            currentEmbedding(series, settings.embedding() > 0 && width > 0, width));
            cache.put(series, m);
        }
        st.attach(m.context(), m.shape(), m.embedding());
    }

    private EmbeddingMemory currentEmbedding(String series, boolean on, int width) {
        byte[] header = store.get(header(EMBEDDING, series));
        if (header == null) {
            return null;
        }
        EmbeddingMemory stored = EmbeddingMemory.fromBytes(header, null);
        if (!on || stored.width != width || stored.capacity != settings.memory()) {
            deleteView(EMBEDDING, series, EmbeddingMemory::usedSlots);
            return null;
        }
        Map<Integer, byte[]> slots = new HashMap<>();
        String prefix = embeddingSlots(series);
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                slots.put(Integer.parseInt(kv.key.substring(prefix.length())), kv.value);
            }
        }
        return EmbeddingMemory.fromBytes(header, slots::get);
    }

    /** The key prefix of a series' embedding slots. */
    private static String embeddingSlots(String series) {
        return EMBEDDING + "#" + series.length() + ":" + series + "@";
    }

    private NoveltyMemory current(String view, String series, boolean on, int points, int vars) {
        NoveltyMemory m = read(view, series);
        if (m != null
                && (!on
                        || m.points != points
                        || m.capacity != settings.memory()
                        || m.vars != vars)) {
            deleteView(view, series, NoveltyMemory::usedSlots);
            return null;
        }
        return m;
    }

    /** Writes what changed in {@code st}'s memories and keeps them decoded. */
    void save(AnomalyState st, String series) {
        write(CONTEXT, series, st.novelty);
        write(SHAPE, series, st.fine);
        write(EMBEDDING, series, st.embedding);
        cache.put(series, new Memories(st.novelty, st.fine, st.embedding));
    }

    /** Deletes the series' memories. */
    void delete(String series) {
        deleteView(CONTEXT, series, NoveltyMemory::usedSlots);
        deleteView(SHAPE, series, NoveltyMemory::usedSlots);
        deleteView(EMBEDDING, series, EmbeddingMemory::usedSlots);
        cache.remove(series);
    }

    private void deleteView(String view, String series, ToIntFunction<byte[]> usedSlots) {
        byte[] header = store.get(header(view, series));
        if (header != null) {
            int used = usedSlots.applyAsInt(header);
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

    private void write(String view, String series, StoredMemory m) {
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
        return view.equals(EMBEDDING) ? embeddingSlots(series) + j : view + "@" + j + ":" + series;
    }
}
