package dev.heed.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SeriesGaugesTest {

    @Test
    void shouldSumAttentionPerEighthOfTheWindowNewestFirst() {
        double[] w = new double[16];
        for (int i = 0; i < 16; i++) {
            w[i] = i + 1; // step 15 is the newest
        }
        double[] seg = SeriesGauges.segments(w);
        assertThat(seg).containsExactly(new double[] {31, 27, 23, 19, 15, 11, 7, 3}, within(1e-12));
    }

    @Test
    void shouldExportAtMostTheLimitOfSeries() {
        SimpleMeterRegistry r = new SimpleMeterRegistry();
        SeriesGauges g = new SeriesGauges(r, 2);
        double[] w = {0.25, 0.25, 0.5};
        assertThat(g.update("a", 0.9, 0.99, w, "relevance")).isTrue();
        assertThat(g.update("b", Double.NaN, Double.NaN, w, "relevance")).isTrue();
        assertThat(g.update("c", 0.1, 0.1, w, "relevance")).isFalse();
        assertThat(g.update("a", 0.4, 0.5, w, "relevance")).isTrue();

        assertThat(r.get("heed.anomaly.score").tag("series", "a").gauge().value()).isEqualTo(0.4);
        assertThat(
                        r.get("heed.attention.weight")
                                .tag("series", "a")
                                .tag("segment", "0")
                                .gauge()
                                .value())
                .isEqualTo(0.5);
        assertThat(r.find("heed.anomaly.score").tag("series", "c").gauge()).isNull();
        assertThat(r.get("heed.metrics.series.dropped").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldNameTheMethodAndReRegisterWhenItChanges() {
        SimpleMeterRegistry r = new SimpleMeterRegistry();
        SeriesGauges g = new SeriesGauges(r, 2);
        double[] w = {0.25, 0.25, 0.5};
        g.update("a", 0.1, 0.1, w, "relevance");
        assertThat(r.find("heed.attention.weight").tag("method", "relevance").gauges()).hasSize(8);
        g.update("a", 0.1, 0.1, new double[] {0.5, 0.25, 0.25}, "rollout");
        assertThat(r.find("heed.attention.weight").tag("method", "relevance").gauges()).isEmpty();
        assertThat(
                        r.get("heed.attention.weight")
                                .tag("method", "rollout")
                                .tag("segment", "0")
                                .gauge()
                                .value())
                .isEqualTo(0.25);
    }
}
