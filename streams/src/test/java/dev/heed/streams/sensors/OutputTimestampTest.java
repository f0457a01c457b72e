package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output records carry the wall-clock time they are made, not the window's event time: a broker
 * deletes records whose timestamp is older than {@code retention.ms} (7 days by default) at its
 * next retention check, so predictions of replayed history (here readings of 2024) stamped with
 * their window end were deleted from {@code heed.predictions} soon after they were written.
 */
class OutputTimestampTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEPS = Fixtures.model().descriptor().window();
    private static final long MINUTE = 60_000;

    @TempDir Path stateDir;

    @Test
    void shouldStampPredictionsOfOldReadingsWithTheTimeTheyAreMadeNotTheirWindowEnd()
            throws Exception {
        long before = System.currentTimeMillis();
        try (TopologyHarness h =
                new TopologyHarness(HeedConfig.of(Map.of("window.stride", "8")), stateDir)) {
            long after = System.currentTimeMillis();
            for (int i = 0; i < STEPS + 8; i++) {
                h.in.pipeInput("pump-7".getBytes(), reading("pump-7", T0 + i * MINUTE, wave(i)));
            }
            // the driver's wall clock starts at its construction; the batcher's punctuation, due
            // after
            // batch.max.wait, forwards the predictions once it has moved on by a second
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            List<TestRecord<byte[], byte[]>> out = h.predictions.readRecordsToList();

            assertThat(out).hasSize(2);
            for (int k = 0; k < out.size(); k++) {
                long end = JSON.readTree(out.get(k).value()).path("window").path("end_ms").asLong();
                assertThat(end)
                        .as("event time stays in the value")
                        .isEqualTo(T0 + (STEPS - 1 + 8 * k) * MINUTE);
                assertThat(out.get(k).timestamp())
                        .as("record timestamp: the driver's wall clock")
                        .isBetween(before + 1_000, after + 1_000);
            }
        }
    }
}
