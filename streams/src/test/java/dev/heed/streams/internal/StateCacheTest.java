package dev.heed.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.sensors.internal.SeriesState;
import org.junit.jupiter.api.Test;

class StateCacheTest {
    private static SeriesState state() {
        return new SeriesState(new String[] {"value"}, 4);
    }

    @Test
    void shouldDropTheLeastRecentlyUsedSeriesBeyondItsCapacity() {
        StateCache<SeriesState> cache = new StateCache<>(2);
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
        StateCache<SeriesState> cache = new StateCache<>(2);
        cache.put("a", state());
        cache.clear();
        assertThat(cache.get("a")).isNull();
    }
}
