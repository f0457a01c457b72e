package dev.heed.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in {@code deploy/grafana/} asks only for metrics Heed exports. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("../deploy/grafana/dashboards/heed.json");

    @Test
    void shouldUseOnlyHeedMetricsThatTheEndpointServes() throws Exception {
        String json = Files.readString(DASHBOARD);
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bheed_[a-z_]+").matcher(json);
        while (m.find()) {
            used.add(m.group().replaceAll("_(bucket|sum|count)$", ""));
        }
        try (HeedMetrics metrics = new HeedMetrics()) {
            RouteCounters counters = new RouteCounters();
            metrics.bindRoutes(counters, HeedConfig.defaults());
            counters.batch(1, 1.0);
            new SeriesGauges(metrics.registry(), 1)
                    .update("s", 0.5, 0.5, new double[] {1}, "relevance");
            String scrape = metrics.scrape().replace("heed_consumer_lag_records", "");
            used.remove("heed_consumer_lag_records"); // bound with Kafka Streams; see DashboardIT
            assertThat(used)
                    .isNotEmpty()
                    .allSatisfy(
                            name ->
                                    assertThat(scrape)
                                            .as("metric %s used by %s", name, DASHBOARD)
                                            .contains(name));
            // the heatmap selects the weights by series and by how they were made
            assertThat(json)
                    .contains(
                            "heed_attention_weight{series=\\\"$series\\\", method=\\\"$method\\\"}");
            assertThat(scrape).containsPattern("heed_attention_weight\\{[^}]*method=\"relevance\"");
        }
    }
}
