package dev.heed.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {

    @Test
    void shouldUseOnlyTheTrainingRowsWithPopulationStd() {
        // training rows 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population std 2; the rest must not count
        float[] column = {2, 4, 4, 4, 5, 5, 7, 9, 1000, -1000};
        ColumnStats stats = ColumnStats.of(List.of(column), List.of("x"), 8);
        assertThat(stats.mean(0)).isCloseTo(5, within(1e-12));
        assertThat(stats.std(0)).isCloseTo(2, within(1e-12));
        assertThat(stats.z(0, 9)).isCloseTo(2, within(1e-12));
        assertThat(stats.z(0, column))
                .containsExactly(-1.5f, -0.5f, -0.5f, -0.5f, 0f, 0f, 1f, 2f, 497.5f, -502.5f);
    }

    @Test
    void shouldScaleAConstantColumnByOne() {
        float[] column = {3, 3, 3, 4};
        ColumnStats stats = ColumnStats.of(List.of(column), List.of("flat"), 3);
        assertThat(stats.std(0)).isEqualTo(1);
        assertThat(stats.z(0, 4)).isCloseTo(1, within(1e-12));
    }

    @Test
    void shouldKeepEachColumnsOwnStatistics() {
        float[] a = {0, 2};
        float[] b = {100, 300};
        ColumnStats stats = ColumnStats.of(List.of(a, b), List.of("a", "b"), 2);
        assertThat(stats.z(0, 2)).isCloseTo(1, within(1e-12));
        assertThat(stats.z(1, 100)).isCloseTo(-1, within(1e-12));
    }
}
