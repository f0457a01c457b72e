package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;

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

/** A synthetic 5-minute series "s" through the sensor topology, and the anomalies it raised. */
final class FiveMinuteSeries {
    static final int DAY = 288;
    static final long STEP_MS = 300_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FiveMinuteSeries() {}

    /**
     * The anomaly records of {@code rows} readings, reading {@code i} being {@code series(i,
     * noise)} (noise seeded the same every run), with {@code settings}.
     */
    static List<JsonNode> anomalies(
            Path stateDir,
            int rows,
            BiFunction<Integer, Random, Double> series,
            Map<String, String> settings)
            throws Exception {
        return fromReadings(
                stateDir,
                rows,
                (i, noise) -> Fixtures.reading("s", T0 + i * STEP_MS, series.apply(i, noise)),
                settings);
    }

    /**
     * The anomaly records of a series of two variables, {@code first} and {@code second}: reading
     * {@code i} is {@code series(i, noise)}, both values.
     */
    static List<JsonNode> anomalies(
            Path stateDir,
            int rows,
            String first,
            String second,
            BiFunction<Integer, Random, double[]> series,
            Map<String, String> settings)
            throws Exception {
        return fromReadings(
                stateDir,
                rows,
                (i, noise) -> {
                    double[] x = series.apply(i, noise);
                    return Fixtures.reading("s", T0 + i * STEP_MS, first, x[0], second, x[1]);
                },
                settings);
    }

    private static List<JsonNode> fromReadings(
            Path stateDir,
            int rows,
            BiFunction<Integer, Random, byte[]> readings,
            Map<String, String> settings)
            throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (TopologyHarness h = new TopologyHarness(HeedConfig.of(settings), stateDir)) {
            Random noise = new Random(5);
            for (int i = 0; i < rows; i++) {
                h.in.pipeInput(Fixtures.utf8("s"), readings.apply(i, noise));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            for (byte[] a : h.anomalies.readValuesToList()) {
                out.add(JSON.readTree(a));
            }
        }
        return out;
    }

    /** The row of an anomaly record. */
    static int row(JsonNode anomaly) {
        return (int) ((anomaly.get("ts_ms").asLong() - T0) / STEP_MS);
    }
}
