package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.header;
import static dev.heed.streams.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.max.bytes}: dead letters cut to fit, series whose predictions could not fit
 * refused.
 */
class OutputSizeLimitTest {
    @TempDir Path stateDir;
    private TopologyHarness harness;

    private void start(HeedConfig config) {
        harness = new TopologyHarness(config, stateDir);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldCutADeadLetterThatWouldNotFitUnderOutputMaxBytes() {
        start(
                HeedConfig.of(
                        Map.of(
                                "input.max.bytes", "2000",
                                "output.max.bytes", "20000",
                                "sensors.variables", "value")));
        String value =
                "{\"series\":\"s\",\"ts\":"
                        + T0
                        + ",\"value\":1,\"pad\":\""
                        + "x".repeat(50_000)
                        + "\"}";
        Headers original = new RecordHeaders();
        for (int i = 0; i < 40; i++) {
            original.add("h" + i, new byte[1000]);
        }
        byte[] key = utf8("k".repeat(5000));
        harness.in.pipeInput(new TestRecord<>(key, utf8(value), original));
        TestRecord<byte[], byte[]> dead = harness.dlq.readRecord();
        assertThat(header(dead, "heed.dlq.reason")).isEqualTo("oversize");
        assertThat(header(dead, "heed.dlq.source.offset")).isEqualTo("0");
        assertThat(header(dead, "heed.dlq.value.truncated")).isEqualTo(utf8(value).length + "");
        assertThat(header(dead, "heed.dlq.key.truncated")).isEqualTo("5000");
        assertThat(header(dead, "heed.dlq.headers.dropped")).isEqualTo("40");
        assertThat(dead.headers().lastHeader("h0")).isNull();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                .as("the start of the original")
                .startsWith("{\"series\":\"s\",\"ts\":" + T0);
        assertThat(size(dead)).isLessThanOrEqualTo(20000).isGreaterThan(15000);
        // a dead letter that fits is not cut
        harness.in.pipeInput(new TestRecord<>(utf8("s"), utf8("[1,2]"), new RecordHeaders()));
        TestRecord<byte[], byte[]> whole = harness.dlq.readRecord();
        assertThat(whole.value()).isEqualTo(utf8("1"));
        assertThat(whole.headers().lastHeader("heed.dlq.value.truncated")).isNull();
    }

    @Test
    void shouldRefuseASeriesWhosePredictionsCouldNotFitAndServeTheOthers() {
        start(HeedConfig.of(Map.of()));
        StringBuilder wide = new StringBuilder("{\"ts\":" + T0 + ",\"values\":{");
        for (int v = 0; v < 1900; v++) {
            wide.append(v == 0 ? "" : ",").append("\"sensor_").append(v).append("\":1.5");
        }
        String reading = wide.append("}}").toString();
        assertThat(reading.length()).isLessThan(65536);
        harness.in.pipeInput(utf8("wide"), utf8(reading));
        harness.in.pipeInput(
                utf8("wide"), utf8(reading.replace("\"ts\":" + T0, "\"ts\":" + (T0 + 1))));
        List<TestRecord<byte[], byte[]>> dead = harness.dlq.readRecordsToList();
        assertThat(dead)
                .extracting(r -> header(r, "heed.dlq.reason"))
                .containsExactly("too_many_variables", "too_many_variables");
        assertThat(header(dead.get(0), "heed.dlq.message"))
                .contains("'wide' has 1900 variables")
                .contains("output.max.bytes=1000000")
                .contains("split it");
        // a series of 100 variables fits, and its predictions are under the limit
        int steps = Fixtures.model().descriptor().window();
        for (int i = 0; i < steps; i++) {
            StringBuilder r = new StringBuilder("{\"ts\":" + (T0 + i * 60_000L) + ",\"values\":{");
            for (int v = 0; v < 100; v++) {
                r.append(v == 0 ? "" : ",").append("\"s").append(v).append("\":").append(i % 7);
            }
            harness.in.pipeInput(utf8("narrow"), utf8(r.append("}}").toString()));
        }
        harness.driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        List<TestRecord<byte[], byte[]>> out = harness.predictions.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(size(out.get(0))).isLessThan(1_000_000);
        assertThat(harness.dlq.isEmpty()).isTrue();
    }

    private static int size(TestRecord<byte[], byte[]> r) {
        int n = r.key().length + r.value().length;
        for (var h : r.headers()) {
            n += h.key().length() + h.value().length;
        }
        return n;
    }
}
