package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With the forecast error alarming ({@code anomaly.forecast.alarms=true}, novelty off), anomalies
 * planted in synthetic series are flagged soon after they start, and the attention of the flagged
 * window points at the planted change.
 */
class AnomalyTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 640;
    private static final int PLANT = 520;
    private static final long STEP_MS = 300_000;
    private static final int STRIDE = 2;

    @TempDir Path stateDir;

    enum Plant {
        SPIKE((i, x) -> i == PLANT ? x + 25 : x),
        LEVEL_SHIFT((i, x) -> i >= PLANT ? x + 15 : x),
        FREQUENCY_CHANGE((i, x) -> i >= PLANT ? x + 10 * Math.sin(2 * Math.PI * i / 6.0) : x);

        final BiFunction<Integer, Double, Double> change;

        Plant(BiFunction<Integer, Double, Double> change) {
            this.change = change;
        }
    }

    private static double base(int i, Random noise) {
        return 50 + 10 * Math.sin(2 * Math.PI * i / 48.0) + 0.5 * noise.nextGaussian();
    }

    private List<JsonNode> anomalies(Plant plant) throws Exception {
        return anomalies(plant, "window");
    }

    private List<JsonNode> anomalies(Plant plant, String holdoff) throws Exception {
        // no range rule (tolerance 0), no novelty views, the forecast error alarming, and a stride
        // above 1 (the plant is not the newest step of the window that flags it): only the
        // forecast error and the explanation can pass (AnomalyNoveltyTopologyTest: the novelty)
        HeedConfig config =
                HeedConfig.of(
                        Map.of(
                                "window.stride",
                                Integer.toString(STRIDE),
                                "anomaly.warmup",
                                "300",
                                "anomaly.range.tolerance",
                                "0",
                                "anomaly.holdoff",
                                holdoff,
                                "anomaly.forecast.alarms",
                                "true",
                                "anomaly.novelty.span",
                                "0s",
                                "anomaly.novelty.fine",
                                "0"));
        List<JsonNode> out = new ArrayList<>();
        try (TopologyHarness h = new TopologyHarness(config, stateDir)) {
            Random noise = new Random(11);
            for (int i = 0; i < ROWS; i++) {
                double x = plant.change.apply(i, base(i, noise));
                h.in.pipeInput(Fixtures.utf8("s"), Fixtures.reading("s", T0 + i * STEP_MS, x));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(h.predictions.getQueueSize()).isEqualTo((ROWS - 64) / STRIDE + 1);
            for (byte[] a : h.anomalies.readValuesToList()) {
                out.add(JSON.readTree(a));
            }
        }
        return out;
    }

    private static int row(long tsMs) {
        return (int) ((tsMs - T0) / STEP_MS);
    }

    @ParameterizedTest
    @EnumSource(Plant.class)
    void shouldFlagThePlantedChangeAndAttendToIt(Plant plant) throws Exception {
        List<JsonNode> anomalies = anomalies(plant);
        assertThat(anomalies).as("anomalies of %s", plant).isNotEmpty();
        List<Integer> before =
                anomalies.stream()
                        .map(a -> row(a.get("ts_ms").asLong()))
                        .filter(r -> r < PLANT)
                        .toList();
        assertThat(before).as("false alarms before the plant").hasSizeLessThanOrEqualTo(1);
        JsonNode first =
                anomalies.stream()
                        .filter(a -> row(a.get("ts_ms").asLong()) >= PLANT)
                        .findFirst()
                        .orElseThrow();
        int end = row(first.get("window").get("end_ms").asLong());
        int firstWindowWithPlant = 63 + ((PLANT - 63 + STRIDE - 1) / STRIDE) * STRIDE;
        assertThat(end)
                .as("flagged by a window ending within 8 steps of the first that holds the plant")
                .isBetween(firstWindowWithPlant, firstWindowWithPlant + 8);
        assertThat(first.get("anomaly_likelihood").asDouble()).isGreaterThanOrEqualTo(0.9999);
        assertThat(first.get("observed").get("value").asDouble())
                .isNotEqualTo(first.get("expected").get("value").asDouble());
        assertThat(first.get("range_break").asBoolean()).isFalse();
        assertThat(first.get("range_excess").asDouble()).isZero();
        int broken = row(first.get("broken_by").get(0).get("ts_ms").asLong());
        assertThat(broken)
                .as("the new step that broke the expectation, for a change at %d", PLANT)
                .isBetween(PLANT, end);
        if (plant == Plant.SPIKE) {
            assertThat(broken).isEqualTo(PLANT);
        }
        JsonNode from = first.get("expected_from");
        assertThat(from.get("method").asText()).isEqualTo("relevance");
        int firstNew = end - STRIDE + 1;
        for (JsonNode step : from.get("steps")) {
            assertThat(row(step.get("ts_ms").asLong()))
                    .as("the expectation came from steps before the window's new ones")
                    .isLessThan(firstNew);
        }
        // beside the newest step (a forecaster's usual first), the weights point into the change
        List<Integer> top = new ArrayList<>();
        for (JsonNode step : first.get("top_steps")) {
            top.add(row(step.get("ts_ms").asLong()));
        }
        int plantedStep = PLANT;
        assertThat(top)
                .as("top steps of the window ending %d, for a change at %d", end, PLANT)
                .anySatisfy(
                        r ->
                                assertThat(r)
                                        .isBetween(
                                                plantedStep,
                                                plant == Plant.SPIKE ? plantedStep : end - 1));
    }

    @ParameterizedTest
    @EnumSource(Plant.class)
    void shouldRaiseOneAlarmPerEvent(Plant plant) throws Exception {
        long alarms =
                anomalies(plant).stream()
                        .filter(a -> row(a.get("ts_ms").asLong()) >= PLANT)
                        .count();
        assertThat(alarms).as("alarms for the %s, held off for one window", plant).isEqualTo(1);
    }

    @Test
    void shouldAlarmAgainAndAgainWithoutTheHoldOff() throws Exception {
        long alarms =
                anomalies(Plant.FREQUENCY_CHANGE, "0").stream()
                        .filter(a -> row(a.get("ts_ms").asLong()) >= PLANT)
                        .count();
        assertThat(alarms).as("alarms for a lasting change, anomaly.holdoff=0").isGreaterThan(3);
    }
}
