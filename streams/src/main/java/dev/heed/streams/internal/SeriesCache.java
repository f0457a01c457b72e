package dev.heed.streams.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded states of the most recently used series of one task, so that a reading does not
 * decode its series' whole stored state ({@link SeriesState#fromBytes}) again. The store stays the
 * source of truth: every change is still written to it (and so to its changelog), the cache only
 * saves the decoding, and it is emptied whenever the processor is (re)initialised or closed.
 * Bounded by {@code capacity} series, least recently used first out.
 */
final class SeriesCache {
  private final LinkedHashMap<String, SeriesState> states;

  SeriesCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("series cache capacity must be >= 0: " + capacity);
    }
    this.states = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, SeriesState> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached state of {@code series}, or null. */
  SeriesState get(String series) {
    return states.get(series);
  }

  void put(String series, SeriesState state) {
    states.put(series, state);
  }

  void clear() {
    states.clear();
  }

  int size() {
    return states.size();
  }
}
