package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEPS = Fixtures.model().descriptor().window();
    private static final long MINUTE = 60_000;

    @TempDir Path stateDir;
    private TopologyHarness harness;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<byte[], byte[]> out;
    private RouteCounters counters;

    private void start(Map<String, String> overrides) {
        harness = new TopologyHarness(HeedConfig.of(overrides), stateDir);
        driver = harness.driver;
        in = harness.in;
        out = harness.predictions;
        counters = harness.counters;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private List<JsonNode> predictions() throws Exception {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<JsonNode> all = new ArrayList<>();
        for (byte[] v : out.readValuesToList()) {
            all.add(JSON.readTree(v));
        }
        return all;
    }

    private void feed(String series, int from, int to) {
        for (int i = from; i < to; i++) {
            in.pipeInput(series.getBytes(), reading(series, T0 + i * MINUTE, wave(i)));
        }
    }

    @Test
    void shouldEmitOneWindowPerStrideOnceTheWindowIsFull() throws Exception {
        start(Map.of("window.stride", "8"));
        feed("pump-7", 0, STEPS - 1);
        assertThat(predictions()).isEmpty();
        feed("pump-7", STEPS - 1, STEPS + 3 * 8);
        List<JsonNode> p = predictions();
        assertThat(p).hasSize(4);
        for (int k = 0; k < 4; k++) {
            JsonNode w = p.get(k).path("window");
            assertThat(w.path("start_ms").asLong()).isEqualTo(T0 + k * 8 * MINUTE);
            assertThat(w.path("end_ms").asLong()).isEqualTo(T0 + (STEPS - 1 + k * 8) * MINUTE);
            assertThat(w.path("steps").asInt()).isEqualTo(STEPS);
            assertThat(w.path("values").path("value").get(0).asDouble())
                    .isCloseTo(wave(k * 8), within(1e-4));
        }
        assertThat(counters.windows()).isEqualTo(4);
        assertThat(counters.predictions()).isEqualTo(4);
        assertThat(counters.recordsIn()).isEqualTo(STEPS + 24);
    }

    @Test
    void shouldGiveTheSameWindowsForBlocksOfReadingsAsForSingleReadings() throws Exception {
        start(Map.of("window.stride", "8"));
        feed("pump-7", 0, STEPS + 24);
        List<JsonNode> single = predictions();
        for (int from = 0; from < STEPS + 24; from += 8) {
            StringBuilder block = new StringBuilder("[");
            for (int i = from; i < from + 8; i++) {
                block.append(i > from ? "," : "")
                        .append(
                                new String(
                                        reading("pump-8", T0 + i * MINUTE, wave(i)),
                                        java.nio.charset.StandardCharsets.UTF_8));
            }
            in.pipeInput("pump-8".getBytes(), block.append(']').toString().getBytes());
        }
        List<JsonNode> blocks = predictions();
        assertThat(single).hasSize(4);
        assertThat(blocks).hasSize(4);
        for (int k = 0; k < 4; k++) {
            assertThat(blocks.get(k).path("window")).isEqualTo(single.get(k).path("window"));
            assertThat(blocks.get(k).path("prediction"))
                    .isEqualTo(single.get(k).path("prediction"));
        }
        assertThat(counters.recordsIn()).isEqualTo(STEPS + 24 + (STEPS + 24) / 8);
        assertThat(counters.readingsIn()).isEqualTo(2L * (STEPS + 24));
    }

    @Test
    void shouldGiveAttentionThatIsADistributionOverTheWindowsSteps() throws Exception {
        start(Map.of());
        feed("pump-7", 0, STEPS);
        JsonNode p = predictions().get(0);
        JsonNode weights = p.path("attention").path("weights");
        assertThat(weights.size()).isEqualTo(STEPS);
        double sum = 0;
        for (JsonNode w : weights) {
            assertThat(w.asDouble()).isGreaterThanOrEqualTo(0);
            sum += w.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        assertThat(p.path("attention").path("method").asText()).isEqualTo("relevance");
        int horizon = Fixtures.model().descriptor().horizon();
        assertThat(p.path("prediction").path("values").path("value").size()).isEqualTo(horizon);
        assertThat(p.path("prediction").path("ts").get(0).asText())
                .isEqualTo(java.time.Instant.ofEpochMilli(T0 + STEPS * MINUTE).toString());
        assertThat(p.path("model").path("name").asText())
                .isEqualTo(Fixtures.model().descriptor().name());
    }

    @Test
    void shouldListTopStepsByDescendingWeightWithTheirTimestampsAndValues() throws Exception {
        start(Map.of("attention.top.k", "4"));
        feed("pump-7", 0, STEPS);
        JsonNode p = predictions().get(0);
        JsonNode top = p.path("top_steps");
        assertThat(top.size()).isEqualTo(4);
        JsonNode weights = p.path("attention").path("weights");
        double max = 0;
        for (JsonNode w : weights) {
            max = Math.max(max, w.asDouble());
        }
        assertThat(top.get(0).path("weight").asDouble()).isEqualTo(max);
        for (int i = 0; i < top.size(); i++) {
            JsonNode t = top.get(i);
            int idx = t.path("index").asInt();
            assertThat(t.path("weight").asDouble()).isEqualTo(weights.get(idx).asDouble());
            assertThat(t.path("ts_ms").asLong()).isEqualTo(T0 + idx * MINUTE);
            assertThat(t.path("values").path("value").asDouble())
                    .isCloseTo(wave(idx), within(1e-4));
            if (i > 0) {
                assertThat(t.path("weight").asDouble())
                        .isLessThanOrEqualTo(top.get(i - 1).path("weight").asDouble());
            }
        }
    }

    @Test
    void shouldMicroBatchWindowsOfManySeries() throws Exception {
        start(Map.of("batch.max.size", "4", "batch.max.wait", "10s", "window.stride", "64"));
        for (int i = 0; i < STEPS; i++) {
            for (String s : List.of("a", "b", "c", "d", "e")) {
                in.pipeInput(s.getBytes(), reading(s, T0 + i * MINUTE, wave(i + s.charAt(0))));
            }
        }
        List<byte[]> before = out.readValuesToList();
        assertThat(before).hasSize(4);
        for (byte[] v : before) {
            assertThat(JSON.readTree(v).path("batch_size").asInt()).isEqualTo(4);
        }
        List<JsonNode> rest = new ArrayList<>();
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        for (byte[] v : out.readValuesToList()) {
            rest.add(JSON.readTree(v));
        }
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).path("series").asText()).isEqualTo("e");
        assertThat(counters.batches()).isEqualTo(2);
    }

    @Test
    void shouldReorderReadingsThatArriveWithinTheGracePeriod() throws Exception {
        start(Map.of("window.grace", "5m"));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < STEPS + 10; i += 2) {
            order.add(i + 1);
            order.add(i);
        }
        for (int i : order) {
            in.pipeInput("s".getBytes(), reading("s", T0 + i * MINUTE, wave(i)));
        }
        List<JsonNode> p = predictions();
        assertThat(p).isNotEmpty();
        JsonNode values = p.get(0).path("window").path("values").path("value");
        for (int t = 0; t < STEPS; t++) {
            assertThat(values.get(t).asDouble()).isCloseTo(wave(t), within(1e-4));
        }
        assertThat(counters.deadLetters()).isZero();
    }

    @Test
    void shouldResampleIrregularSeriesAndMarkFilledSteps() throws Exception {
        start(Map.of("window.mode", "time", "window.interval", "1m", "window.stride", "1"));
        for (int slot = 0; slot <= STEPS + 1; slot++) {
            if (slot == 10 || slot == 11) {
                continue;
            }
            in.pipeInput("s".getBytes(), reading("s", T0 + slot * MINUTE + 5_000, slot));
            in.pipeInput("s".getBytes(), reading("s", T0 + slot * MINUTE + 35_000, slot + 1));
        }
        List<JsonNode> p = predictions();
        assertThat(p).hasSize(2);
        JsonNode first = p.get(0);
        assertThat(first.path("window").path("start_ms").asLong()).isEqualTo(T0);
        assertThat(first.path("window").path("filled").toString()).isEqualTo("[10,11]");
        JsonNode v = first.path("window").path("values").path("value");
        assertThat(v.get(9).asDouble()).isCloseTo(9.5, within(1e-4));
        assertThat(v.get(10).asDouble()).isCloseTo(9.5 + (12 - 9.5) / 3, within(1e-4));
        assertThat(v.get(12).asDouble()).isCloseTo(12.5, within(1e-4));
    }

    @Test
    void shouldHandleMultivariateReadings() throws Exception {
        start(Map.of());
        for (int i = 0; i < STEPS; i++) {
            in.pipeInput(
                    "m".getBytes(), reading("m", T0 + i * MINUTE, "temp", wave(i), "vib", i % 5));
        }
        JsonNode p = predictions().get(0);
        assertThat(p.path("variables").toString()).isEqualTo("[\"temp\",\"vib\"]");
        assertThat(p.path("prediction").path("values").path("temp").size())
                .isEqualTo(Fixtures.model().descriptor().horizon());
        assertThat(p.path("prediction").path("values").path("vib").size())
                .isEqualTo(Fixtures.model().descriptor().horizon());
        assertThat(p.path("top_steps").get(0).path("values").has("vib")).isTrue();
    }

    @Test
    void shouldAlignVariablesByNameWhateverTheirOrderInTheJson() throws Exception {
        start(Map.of());
        for (int i = 0; i < STEPS; i++) {
            // JSON objects are unordered: every other reading lists vib first
            in.pipeInput(
                    "m".getBytes(),
                    i % 2 == 0
                            ? reading("m", T0 + i * MINUTE, "temp", wave(i), "vib", i % 5)
                            : reading("m", T0 + i * MINUTE, "vib", i % 5, "temp", wave(i)));
        }
        assertThat(harness.dlq.readValuesToList()).isEmpty();
        JsonNode p = predictions().get(0);
        assertThat(p.path("variables").toString()).isEqualTo("[\"temp\",\"vib\"]");
        JsonNode temp = p.path("window").path("values").path("temp");
        JsonNode vib = p.path("window").path("values").path("vib");
        for (int i = 0; i < STEPS; i++) {
            assertThat(temp.get(i).asDouble()).isCloseTo(wave(i), within(1e-4));
            assertThat(vib.get(i).asDouble()).isCloseTo(i % 5, within(1e-6));
        }
    }
}
