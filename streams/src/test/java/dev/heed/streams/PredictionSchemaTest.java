package dev.heed.streams;

import static dev.heed.streams.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every prediction the topology writes conforms to the published JSON Schema. */
class PredictionSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;

  private static JsonSchema schema() throws Exception {
    try (InputStream in = PredictionSchemaTest.class.getResourceAsStream(
        "/schema/prediction.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private List<byte[]> predictions(Map<String, String> overrides, boolean multivariate) {
    try (TopologyHarness h = new TopologyHarness(HeedConfig.of(overrides), stateDir)) {
      int steps = Fixtures.model().descriptor().window();
      for (int i = 0; i < steps + 8; i++) {
        long ts = T0 + i * 60_000L + (i % 3) * 7_000L;
        h.in.pipeInput(Fixtures.utf8("s"), multivariate
            ? Fixtures.reading("s", ts, "a", Fixtures.wave(i), "b", i)
            : Fixtures.reading("s", ts, Fixtures.wave(i)));
      }
      h.driver.advanceWallClockTime(Duration.ofSeconds(1));
      return h.predictions.readValuesToList();
    }
  }

  @Test
  void shouldConformToThePublishedSchemaInEveryMode() throws Exception {
    JsonSchema schema = schema();
    int checked = 0;
    for (Map<String, String> o : List.of(Map.<String, String>of(),
        Map.of("window.mode", "time", "window.interval", "1m", "attention.method", "query"),
        Map.of("attention.method", "head_mean", "attention.top.k", "64"))) {
      for (boolean multi : new boolean[] {false, true}) {
        for (byte[] p : predictions(o, multi)) {
          Set<ValidationMessage> errors = schema.validate(JSON.readTree(p));
          assertThat(errors).as("%s", new String(p)).isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
  }

  @Test
  void shouldRejectARecordThatBreaksTheSchema() throws Exception {
    JsonNode good = JSON.readTree(predictions(Map.of(), false).get(0));
    ObjectNode bad = good.deepCopy();
    ((ObjectNode) bad.path("attention")).put("method", "saliency");
    bad.remove("series");
    assertThat(schema().validate(bad)).hasSize(2);
  }
}
