package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.utf8;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State that does not grow without bound: idle series expire, held readings are capped. */
class StateBoundsTest {
    private static final int STEPS = Fixtures.model().descriptor().window();
    private static final long MINUTE = 60_000;

    @TempDir Path stateDir;

    private static void feed(TopologyHarness h, String series, int from, int to) {
        for (int i = from; i < to; i++) {
            h.in.pipeInput(utf8(series), reading(series, T0 + i * MINUTE, wave(i)));
        }
    }

    @Test
    void shouldForgetSeriesIdleForTheExpiryAndKeepTheOthers() {
        try (TopologyHarness h =
                new TopologyHarness(HeedConfig.of(Map.of("series.idle.expiry", "10m")), stateDir)) {
            feed(h, "quiet", 0, STEPS + 20);
            h.driver.advanceWallClockTime(Duration.ofMinutes(6));
            feed(h, "busy", 0, 3);
            assertThat(h.storeKeys("heed-series")).containsExactlyInAnyOrder("quiet", "busy");
            assertThat(h.storeKeys("heed-anomaly")).contains("quiet");
            assertThat(h.storeKeys("heed-novelty"))
                    .as("the recent shape's header and remembered views")
                    .contains("shape:quiet", "shape@0:quiet");
            h.driver.advanceWallClockTime(Duration.ofMinutes(6));
            assertThat(h.storeKeys("heed-series")).containsExactly("busy");
            assertThat(h.storeKeys("heed-anomaly")).doesNotContain("quiet");
            assertThat(h.storeKeys("heed-novelty")).noneMatch(k -> k.endsWith(":quiet"));
            assertThat(h.counters.seriesExpired()).isEqualTo(1);
            // a series that comes back starts afresh: no reading of it is late
            feed(h, "quiet", 0, 2);
            assertThat(h.dlq.isEmpty()).isTrue();
        }
    }

    /** Idle time counts while Heed runs: a series restored with an old last-seen time stays. */
    @Test
    void shouldNotForgetASeriesForTheTimeHeedWasDown() {
        try (TopologyHarness h =
                new TopologyHarness(HeedConfig.of(Map.of("series.idle.expiry", "10m")), stateDir)) {
            feed(h, "quiet", 0, 3);
            KeyValueStore<String, byte[]> store = h.driver.getKeyValueStore("heed-series");
            byte[] state = store.get("quiet");
            long seen = java.nio.ByteBuffer.wrap(state).getLong(state.length - 8);
            java.nio.ByteBuffer.wrap(state).putLong(state.length - 8, seen - 3_600_000);
            store.put("quiet", state); // as restored: last seen an hour before this task began
            h.driver.advanceWallClockTime(Duration.ofMinutes(6));
            assertThat(h.storeKeys("heed-series"))
                    .as("idle 6 min while Heed ran")
                    .contains("quiet");
            h.driver.advanceWallClockTime(Duration.ofMinutes(6));
            assertThat(h.storeKeys("heed-series")).as("idle 12 min").doesNotContain("quiet");
        }
    }

    @Test
    void shouldPredictTheWindowsOfReadingsStillHeldWhenTheSeriesExpires() {
        try (TopologyHarness h =
                new TopologyHarness(
                        HeedConfig.of(Map.of("series.idle.expiry", "1h", "window.grace", "10m")),
                        stateDir)) {
            feed(h, "s", 0, STEPS);
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(h.predictions.isEmpty()).as("the last readings are held for grace").isTrue();
            h.driver.advanceWallClockTime(Duration.ofHours(2));
            h.driver.advanceWallClockTime(Duration.ofSeconds(1)); // the batch's wait
            List<TestRecord<byte[], byte[]>> p = h.predictions.readRecordsToList();
            assertThat(p).hasSize(1);
            assertThat(h.storeKeys("heed-series")).isEmpty();
        }
    }

    @Test
    void shouldReleaseTheOldestHeldReadingPastWindowMaxHeld() {
        try (TopologyHarness h =
                new TopologyHarness(
                        HeedConfig.of(Map.of("window.grace", "1d", "window.max.held", "3")),
                        stateDir)) {
            feed(h, "s", 0, 5);
            // readings 0 and 1 were released to keep 3 held: reading 1 again is late
            h.in.pipeInput(utf8("s"), reading("s", T0 + MINUTE, 9));
            h.in.pipeInput(utf8("s"), reading("s", T0 + MINUTE / 2, 9));
            List<TestRecord<byte[], byte[]>> dead = h.dlq.readRecordsToList();
            assertThat(dead).hasSize(2);
            assertThat(new String(dead.get(1).headers().lastHeader("heed.dlq.reason").value()))
                    .isEqualTo("late");
            // within the held ones, order is still repaired
            h.in.pipeInput(utf8("s"), reading("s", T0 + 5 * MINUTE + MINUTE / 2, 9));
            assertThat(h.dlq.isEmpty()).isTrue();
        }
    }

    @Test
    void shouldRefuseAnExpiryNoLongerThanTheGrace() {
        assertThatThrownBy(
                        () ->
                                new TopologyHarness(
                                        HeedConfig.of(
                                                Map.of(
                                                        "series.idle.expiry", "5m",
                                                        "window.grace", "10m")),
                                        stateDir))
                .hasMessageContaining("series.idle.expiry=5m")
                .hasMessageContaining("window.grace=10m");
    }
}
