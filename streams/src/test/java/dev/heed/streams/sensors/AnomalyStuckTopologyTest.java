package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stuck sensor (`anomaly.stuck`) through the topology, with every other kind of evidence off (the
 * range, the views, the representation; the forecast error does not alarm by default), so that only
 * the stuck-run check can alarm: a sensor that keeps reporting its last value for three hours is
 * flagged, once, and says since when, also when it is one variable of two and the other moves; a
 * series that is flat for hours every day is not flagged for a run as long, and is flagged when it
 * stays flat far longer than its own runs make likely.
 */
class AnomalyStuckTopologyTest {
    private static final int DAY = FiveMinuteSeries.DAY;

    /** Day 5, 08:00 to 11:00: the sensor repeats the reading it gave at 07:55. */
    private static final int STUCK_FROM = 5 * DAY + 96;

    private static final int STUCK_TO = STUCK_FROM + 36;

    @TempDir Path stateDir;

    private List<JsonNode> anomalies(BiFunction<Integer, Random, Double> series, String stuck)
            throws Exception {
        return FiveMinuteSeries.anomalies(stateDir, 7 * DAY, series, settings(stuck));
    }

    private static Map<String, String> settings(String stuck) {
        Map<String, String> settings = new HashMap<>();
        settings.put("window.stride", "2");
        settings.put("anomaly.warmup", Integer.toString(DAY));
        settings.put("anomaly.range.tolerance", "0");
        settings.put("anomaly.novelty.span", "0s");
        settings.put("anomaly.novelty.fine", "0");
        settings.put("anomaly.novelty.embedding", "0");
        settings.put("anomaly.stuck", stuck);
        return settings;
    }

    /**
     * Two variables: {@code temp} a noisy daily cycle that freezes like {@link #frozen}, {@code
     * flow} noise around 100 that keeps moving.
     */
    private List<JsonNode> oneOfTwoStuck(String stuck) throws Exception {
        BiFunction<Integer, Random, Double> temp = frozen(AnomalyStuckTopologyTest::daily);
        return FiveMinuteSeries.anomalies(
                stateDir,
                7 * DAY,
                "temp",
                "flow",
                (i, noise) -> new double[] {temp.apply(i, noise), 100 + noise.nextGaussian()},
                settings(stuck));
    }

    /** {@code base} with readings {@code STUCK_FROM..STUCK_TO} repeating the one before them. */
    private static BiFunction<Integer, Random, Double> frozen(
            BiFunction<Integer, Random, Double> base) {
        double[] held = new double[1];
        return (i, noise) -> {
            double x = base.apply(i, noise);
            if (i == STUCK_FROM - 1) {
                held[0] = x;
            }
            return i >= STUCK_FROM && i < STUCK_TO ? held[0] : x;
        };
    }

    private static double daily(int i, Random noise) {
        return 50 + 10 * Math.sin(2 * Math.PI * i / DAY) + 0.5 * noise.nextGaussian();
    }

    /**
     * Zero writes for two hours, then an hour of activity, every three hours (runs of 24 zeros
     * every day); from day 5 on a dead source writes nothing for {@code deadHours}.
     */
    private static BiFunction<Integer, Random, Double> bursty(int deadHours) {
        return (i, noise) -> {
            double active = 40 + 10 * noise.nextDouble();
            boolean dead = i >= 5 * DAY && i < 5 * DAY + 12 * deadHours;
            return !dead && i % 36 >= 24 ? active : 0.0;
        };
    }

    @Test
    void shouldFlagASensorStuckAtItsLastReadingOnceAndSaySinceWhen() throws Exception {
        List<JsonNode> anomalies = anomalies(frozen(AnomalyStuckTopologyTest::daily), "1e-6");
        assertThat(anomalies).as("alarms").hasSize(1);
        JsonNode a = anomalies.get(0);
        int at = FiveMinuteSeries.row(a);
        assertThat(at).as("flagged while stuck").isBetween(STUCK_FROM, STUCK_TO - 1);
        JsonNode run = a.get("stuck_run");
        assertThat(run.isObject()).as("stuck_run in %s", a).isTrue();
        assertThat(run.get("readings").asInt()).isEqualTo(at - (STUCK_FROM - 1) + 1);
        assertThat((run.get("since_ms").asLong() - T0) / FiveMinuteSeries.STEP_MS)
                .as("the run starts at the last reading before the freeze")
                .isEqualTo(STUCK_FROM - 1L);
        assertThat(run.get("chance").asDouble()).isLessThanOrEqualTo(1e-6);
        assertThat(a.get("anomaly_likelihood").asDouble()).isGreaterThanOrEqualTo(0.9999);
    }

    @Test
    void shouldNotFlagTheStuckSensorWithTheCheckOff() throws Exception {
        assertThat(anomalies(frozen(AnomalyStuckTopologyTest::daily), "0")).isEmpty();
    }

    @Test
    void shouldFlagOneStuckVariableWhileTheOthersMoveAndNameIt() throws Exception {
        List<JsonNode> anomalies = oneOfTwoStuck("1e-6");
        assertThat(anomalies).as("alarms").hasSize(1);
        JsonNode a = anomalies.get(0);
        assertThat(FiveMinuteSeries.row(a)).isBetween(STUCK_FROM, STUCK_TO - 1);
        JsonNode run = a.get("stuck_run");
        assertThat(run.isObject()).as("stuck_run in %s", a).isTrue();
        assertThat(run.get("variable").asText()).isEqualTo("temp");
        assertThat((run.get("since_ms").asLong() - T0) / FiveMinuteSeries.STEP_MS)
                .isEqualTo(STUCK_FROM - 1L);
        assertThat(oneOfTwoStuck("0")).as("with the check off").isEmpty();
    }

    @Test
    void shouldJudgeARunByTheSeriesOwnRepeats() throws Exception {
        assertThat(anomalies(bursty(3), "1e-6"))
                .as("alarms of a series often flat for hours, at a three-hour run of zeros")
                .isEmpty();
        List<JsonNode> dead = anomalies(bursty(36), "1e-6");
        assertThat(dead).as("alarms of the same series silent for a day and a half").hasSize(1);
        int at = FiveMinuteSeries.row(dead.get(0));
        assertThat(at).isBetween(5 * DAY, 5 * DAY + 12 * 36);
        assertThat(dead.get(0).get("stuck_run").get("readings").asInt())
                .as("a run much longer than the 21 readings a series that never repeats needs")
                .isGreaterThan(200);
    }
}
