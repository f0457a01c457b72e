package dev.heed.streams;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model on its worker thread ({@code model.worker=true}, the default) gives the same
 * predictions, in the same order per series, as on the stream thread, and forwards every one.
 */
class ModelWorkerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SERIES = {"pump-1", "pump-2", "fan-3"};
  private static final int READINGS = 160;

  @TempDir Path syncDir;
  @TempDir Path workerDir;

  @Test
  void shouldForwardTheSamePredictionsInTheSameOrderAsOnTheStreamThread() throws Exception {
    Map<String, String> settings = Map.of("window.stride", "4", "batch.max.size", "16",
        "batch.max.wait", "50ms");
    Map<String, List<JsonNode>> sync;
    try (TopologyHarness h = new TopologyHarness(HeedConfig.of(settings), syncDir,
        ModelSource.of(Fixtures.model()), false)) {
      feed(h);
      h.driver.advanceWallClockTime(Duration.ofSeconds(1));
      sync = bySeries(h.predictions.readValuesToList());
    }
    int expected = sync.values().stream().mapToInt(List::size).sum();
    assertThat(expected).isEqualTo(SERIES.length * ((READINGS - Fixtures.model().descriptor().window()) / 4 + 1));

    Map<String, List<JsonNode>> async = new LinkedHashMap<>();
    try (TopologyHarness h = new TopologyHarness(HeedConfig.of(settings), workerDir,
        ModelSource.of(Fixtures.model()), true)) {
      feed(h);
      List<byte[]> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        h.driver.advanceWallClockTime(Duration.ofMillis(25)); // the processor collects on its tick
        seen.addAll(h.predictions.readValuesToList());
        Thread.sleep(5);
      }
      async = bySeries(seen);
      assertThat(h.counters.predictions()).isEqualTo(expected);
      assertThat(h.dlq.isEmpty()).isTrue();
    }
    assertThat(async.keySet()).containsExactlyInAnyOrderElementsOf(sync.keySet());
    for (String s : SERIES) {
      List<JsonNode> a = async.get(s);
      List<JsonNode> b = sync.get(s);
      assertThat(a).hasSameSizeAs(b);
      for (int i = 0; i < b.size(); i++) {
        assertThat(a.get(i).path("window")).isEqualTo(b.get(i).path("window"));
        JsonNode pa = a.get(i).path("prediction").path("values").path("value");
        JsonNode pb = b.get(i).path("prediction").path("values").path("value");
        assertThat(pa.size()).isEqualTo(pb.size()).isPositive();
        for (int k = 0; k < pb.size(); k++) {
          // batches are composed differently; the kernels may round differently
          assertThat(pa.get(k).asDouble()).isCloseTo(pb.get(k).asDouble(),
              within(1e-4 * (1 + Math.abs(pb.get(k).asDouble()))));
        }
      }
    }
  }

  private static void feed(TopologyHarness h) {
    for (int i = 0; i < READINGS; i++) {
      for (String s : SERIES) {
        h.in.pipeInput(s.getBytes(), reading(s, T0 + i * 60_000L, wave(i) + s.length()));
      }
    }
  }

  private static Map<String, List<JsonNode>> bySeries(List<byte[]> values) throws Exception {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (byte[] v : values) {
      JsonNode n = JSON.readTree(v);
      out.computeIfAbsent(n.path("series").asText(), k -> new ArrayList<>()).add(n);
    }
    return out;
  }
}
