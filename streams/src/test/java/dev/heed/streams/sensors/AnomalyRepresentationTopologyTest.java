package dev.heed.streams.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The novelty of the model's own representation ({@code anomaly.novelty.embedding}), alone: the
 * range rule and both views off, so that nothing else can alarm. On a 5-minute series with a daily
 * cycle, two hours of a fast oscillation inside the range are flagged by it; the same burst every
 * day stops alarming once it has been seen.
 */
class AnomalyRepresentationTopologyTest {
    private static final int DAY = FiveMinuteSeries.DAY;

    /** Day 7, 11:00 to 13:00, around the cycle's mean. */
    private static final int BURST_FROM = 7 * DAY + 132;

    private static final int BURST_TO = 7 * DAY + 156;

    @TempDir Path stateDir;

    private static boolean inBurst(int i, boolean daily) {
        int at = daily && i >= 4 * DAY ? 7 * DAY + i % DAY : i;
        return at >= BURST_FROM && at < BURST_TO;
    }

    /** Rows of the anomaly records of {@code days} days. */
    private List<JsonNode> anomalies(int days, boolean daily, Map<String, String> extra)
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("window.stride", "2");
        settings.put("anomaly.warmup", Integer.toString(3 * DAY));
        settings.put("anomaly.range.tolerance", "0");
        // the test model (sensor-default, a 64-reading window) sees the burst about 3.5 spreads
        // from what it remembers, normal days below 2.5: a threshold between them
        settings.put("anomaly.threshold", "0.999");
        settings.put("anomaly.novelty.span", "0s");
        settings.put("anomaly.novelty.fine", "0");
        settings.putAll(extra);
        return FiveMinuteSeries.anomalies(
                stateDir,
                days * DAY,
                (i, noise) -> {
                    double x =
                            50 + 10 * Math.sin(2 * Math.PI * i / DAY) + 0.5 * noise.nextGaussian();
                    return inBurst(i, daily) ? x + (i % 2 == 0 ? 7 : -7) : x;
                },
                settings);
    }

    private static List<JsonNode> between(List<JsonNode> anomalies, int from, int to) {
        return anomalies.stream()
                .filter(a -> FiveMinuteSeries.row(a) >= from && FiveMinuteSeries.row(a) < to)
                .toList();
    }

    @Test
    void shouldFlagAShapeTheModelHasNeverRepresentedInsideTheRange() throws Exception {
        List<JsonNode> anomalies = anomalies(9, false, Map.of());
        assertThat(between(anomalies, 3 * DAY, BURST_FROM))
                .as("false alarms on normal days after the warm-up")
                .hasSizeLessThanOrEqualTo(1);
        // the model's window (64 readings) holds the burst for a while after it ends
        List<JsonNode> burst = between(anomalies, BURST_FROM, BURST_TO + 24);
        assertThat(burst).as("alarms during the burst and the two hours after it").isNotEmpty();
        JsonNode r = burst.get(0).get("representation");
        assertThat(r.isObject()).as("representation of %s", burst.get(0)).isTrue();
        assertThat(r.get("novelty_likelihood").asDouble())
                .isGreaterThanOrEqualTo(burst.get(0).get("threshold").asDouble());
        assertThat(burst.get(0).get("range_break").asBoolean()).as("inside the range").isFalse();
    }

    @Test
    void shouldNotFlagTheBurstWithTheEmbeddingMemoryOff() throws Exception {
        List<JsonNode> anomalies = anomalies(9, false, Map.of("anomaly.novelty.embedding", "0"));
        assertThat(between(anomalies, BURST_FROM, BURST_TO + 24))
                .as("alarms during the burst and after it, anomaly.novelty.embedding=0")
                .isEmpty();
    }

    @Test
    void shouldStopAlarmingOnABurstThatRepeatsEveryDay() throws Exception {
        List<JsonNode> anomalies = anomalies(10, true, Map.of());
        assertThat(between(anomalies, 4 * DAY, 5 * DAY)).as("the burst's first day").isNotEmpty();
        assertThat(between(anomalies, 7 * DAY, 10 * DAY))
                .as("alarms once the burst has been seen for three days")
                .isEmpty();
    }
}
