package dev.heed.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesCacheTest {
  private static SeriesState state() {
    return new SeriesState(new String[] {"value"}, 4);
  }

  @Test
  void shouldDropTheLeastRecentlyUsedSeriesBeyondItsCapacity() {
    SeriesCache cache = new SeriesCache(2);
    SeriesState a = state();
    cache.put("a", a);
    cache.put("b", state());
    cache.get("a");
    cache.put("c", state());
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isSameAs(a);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void shouldForgetEverythingWhenCleared() {
    SeriesCache cache = new SeriesCache(2);
    cache.put("a", state());
    cache.clear();
    assertThat(cache.get("a")).isNull();
  }
}
