package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void shouldTakeTheNearestRankPercentile() {
        long[] samples = new long[110];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // 100 .. 1, unsorted; the 10 spare slots are not counted
        }
        assertThat(Stats.percentile(samples, 100, 50)).isEqualTo(50);
        assertThat(Stats.percentile(samples, 100, 99)).isEqualTo(99);
        assertThat(Stats.percentile(samples, 100, 100)).isEqualTo(100);
        assertThat(Stats.percentile(new long[] {7, 3}, 2, 99)).isEqualTo(7);
    }

    @Test
    void shouldGiveNanWithoutSamples() {
        assertThat(Stats.percentile(new long[4], 0, 50)).isNaN();
    }

    @Test
    void shouldTakeTheMedianIgnoringNan() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of(Double.NaN, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(Double.NaN))).isNaN();
    }
}
