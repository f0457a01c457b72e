package dev.heed.streams.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded states of the most recently used keys (series, audio streams) of one task, so that a
 * record does not decode its key's whole stored state ({@code SeriesState.fromBytes}, {@link
 * AudioState#fromBytes}) again. The store stays the source of truth: every change is still written
 * to it (and so to its changelog), the cache only saves the decoding, and it is emptied whenever
 * the processor is (re)initialised or closed. Bounded by {@code capacity} keys, least recently used
 * first out.
 *
 * @param <S> the decoded state, changed in place by the processor
 */
public final class StateCache<S> {
    private final LinkedHashMap<String, S> states;

    public StateCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("state cache capacity must be >= 0: " + capacity);
        }
        this.states =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                        return size() > capacity;
                    }
                };
    }

    /** The cached state of {@code key}, or null. */
    public S get(String key) {
        return states.get(key);
    }

    public void put(String key, S state) {
        states.put(key, state);
    }

    public void remove(String key) {
        states.remove(key);
    }

    public void clear() {
        states.clear();
    }

    int size() {
        return states.size();
    }
}
