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
 * The novelty views with their defaults (the forecast error not alarming) on synthetic 5-minute
 * series with a daily cycle: a day whose pattern breaks inside the range seen so far is flagged,
 * once; a new shape that then repeats every day stops alarming once it has been seen.
 */
class AnomalyNoveltyTopologyTest {
    private static final int DAY = FiveMinuteSeries.DAY;
    private static final int STRIDE = 2;

    /** Day 7, 08:00 to 14:00: the daily pattern flattens to its mean, inside the range. */
    private static final int FLAT_FROM = 7 * DAY + 96;

    private static final int FLAT_TO = 7 * DAY + 168;

    @TempDir Path stateDir;

    private static double daily(int i, Random noise) {
        return 50 + 10 * Math.sin(2 * Math.PI * i / DAY) + 0.5 * noise.nextGaussian();
    }

    /** The anomaly records of {@code rows} readings of {@code series}, by row. */
    private List<JsonNode> anomalies(
            int rows, BiFunction<Integer, Random, Double> series, Map<String, String> extra)
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("window.stride", Integer.toString(STRIDE));
        settings.put("anomaly.warmup", Integer.toString(3 * DAY));
        settings.putAll(extra);
        return FiveMinuteSeries.anomalies(stateDir, rows, series, settings);
    }

    private static int row(long tsMs) {
        return (int) ((tsMs - T0) / FiveMinuteSeries.STEP_MS);
    }

    private static List<Integer> rows(List<JsonNode> anomalies, int from, int to) {
        return anomalies.stream()
                .map(FiveMinuteSeries::row)
                .filter(r -> r >= from && r < to)
                .toList();
    }

    private List<JsonNode> brokenDay(Map<String, String> extra) throws Exception {
        return anomalies(
                9 * DAY,
                (i, noise) -> {
                    double x = daily(i, noise);
                    return i >= FLAT_FROM && i < FLAT_TO ? 50 + 0.5 * noise.nextGaussian() : x;
                },
                extra);
    }

    @Test
    void shouldFlagABrokenDailyPatternInsideTheRangeAndSayWhichHoursBrokeIt() throws Exception {
        List<JsonNode> anomalies = brokenDay(Map.of());
        assertThat(rows(anomalies, 3 * DAY, FLAT_FROM))
                .as("false alarms on normal days after the warm-up")
                .hasSizeLessThanOrEqualTo(1);
        JsonNode first =
                anomalies.stream()
                        .filter(a -> row(a.get("ts_ms").asLong()) >= FLAT_FROM)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the broken day raised no alarm"));
        int at = row(first.get("ts_ms").asLong());
        assertThat(at)
                .as("flagged within 3 hours of the break")
                .isBetween(FLAT_FROM, FLAT_FROM + 36);
        assertThat(first.get("range_break").asBoolean()).as("inside the range").isFalse();
        assertThat(first.get("anomaly_likelihood").asDouble()).isGreaterThanOrEqualTo(0.9999);
        // the view that alarmed says where its shape differed most from memory: in the
        // flattened hours (a long-context bucket of an hour may start before them)
        JsonNode view = alarmingView(first);
        int from = row(view.get("buckets").get(0).get("from_ms").asLong());
        assertThat(from).as("most different bucket of %s", view).isBetween(FLAT_FROM - 12, at);
    }

    /** Of long_context and recent_shape, the one with the larger novelty likelihood. */
    private static JsonNode alarmingView(JsonNode anomaly) {
        JsonNode context = anomaly.get("long_context");
        JsonNode shape = anomaly.get("recent_shape");
        if (!context.isObject()) {
            return shape;
        }
        if (!shape.isObject()) {
            return context;
        }
        return context.get("novelty_likelihood").asDouble()
                        >= shape.get("novelty_likelihood").asDouble()
                ? context
                : shape;
    }

    /**
     * Day 7 swings half as far as the others, from midnight (where both are at the mean, so there
     * is no step): every reading lies inside the range, and each stretch of a patch is a shape seen
     * before at some other hour; only a view of the day shows the break.
     */
    private List<JsonNode> dampedDay(Map<String, String> extra) throws Exception {
        return anomalies(
                9 * DAY,
                (i, noise) -> {
                    double amplitude = i >= 7 * DAY && i < 8 * DAY ? 5 : 10;
                    return 50
                            + amplitude * Math.sin(2 * Math.PI * i / DAY)
                            + 0.5 * noise.nextGaussian();
                },
                extra);
    }

    @Test
    void shouldSeeAHalvedDayThroughTheLongContextOnly() throws Exception {
        List<Integer> withContext = rows(dampedDay(Map.of()), 7 * DAY, 8 * DAY);
        assertThat(withContext).as("alarms on the halved day").isNotEmpty();
        assertThat(rows(dampedDay(Map.of("anomaly.novelty.span", "0s")), 7 * DAY, 8 * DAY))
                .as("alarms on the halved day without the long-context view")
                .isEmpty();
    }

    @Test
    void shouldRaiseOneAlarmForTheBrokenDay() throws Exception {
        assertThat(rows(brokenDay(Map.of()), FLAT_FROM, FLAT_TO + DAY))
                .as("alarms from the break to a day after it (held off for the long view's span)")
                .hasSize(1);
    }

    @Test
    void shouldAlarmMoreThanOnceForTheBrokenDayWithoutTheHoldOff() throws Exception {
        assertThat(rows(brokenDay(Map.of("anomaly.holdoff", "0")), FLAT_FROM, FLAT_TO + DAY))
                .as("alarms for the broken day, anomaly.holdoff=0")
                .hasSizeGreaterThan(1);
    }

    /** From day 4 on, a two-hour bump at 02:00 every day. */
    private List<JsonNode> dailyBump(Map<String, String> extra) throws Exception {
        return anomalies(
                10 * DAY,
                (i, noise) -> {
                    int inDay = i % DAY;
                    boolean bump = i >= 4 * DAY && inDay >= 24 && inDay < 48;
                    return daily(i, noise) + (bump ? 6 : 0);
                },
                extra);
    }

    @Test
    void shouldStopAlarmingOnAShapeThatRepeatsEveryDay() throws Exception {
        // the range rule off: only the memories can tell whether the bump is new
        List<JsonNode> anomalies = dailyBump(Map.of("anomaly.range.tolerance", "0"));
        assertThat(rows(anomalies, 4 * DAY, 5 * DAY)).as("the bump's first day").isNotEmpty();
        assertThat(rows(anomalies, 7 * DAY, 10 * DAY))
                .as("alarms once the bump has been seen for three days")
                .isEmpty();
    }

    @Test
    void shouldKeepAlarmingOnTheRepeatingShapeWhenTheMemoryHoldsTooLittle() throws Exception {
        List<JsonNode> anomalies =
                dailyBump(Map.of("anomaly.range.tolerance", "0", "anomaly.novelty.memory", "4"));
        assertThat(rows(anomalies, 7 * DAY, 10 * DAY))
                .as("alarms on the bump's later days, 4 views remembered")
                .isNotEmpty();
    }
}
