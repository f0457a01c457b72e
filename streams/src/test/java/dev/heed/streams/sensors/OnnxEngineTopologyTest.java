package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sensor topology on the shipped ONNX export ({@code sensor-default-onnx}, ONNX Runtime) writes
 * the predictions, attention and top steps it writes on the shipped PyTorch model.
 */
class OnnxEngineTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path djlDir;
    @TempDir Path onnxDir;

    @Test
    void shouldPredictAndAttendAsOnThePyTorchModel() throws Exception {
        Map<String, String> rollout = Map.of("window.stride", "8", "attention.method", "rollout");
        List<JsonNode> djl = run(ModelSource.of(Fixtures.model()), djlDir, rollout);
        List<JsonNode> onnx;
        try (ForecastModel m =
                ModelLoader.load(
                        Path.of("../models/shipped/sensor-default-onnx"), DeviceChoice.CPU)) {
            onnx = run(ModelSource.of(m), onnxDir, rollout);
        }
        assertThat(onnx).hasSameSizeAs(djl).hasSizeGreaterThan(10);
        for (int i = 0; i < djl.size(); i++) {
            JsonNode a = djl.get(i);
            JsonNode b = onnx.get(i);
            assertThat(b.path("model").path("name").asText()).isEqualTo("sensor-default-onnx");
            assertThat(b.path("window")).isEqualTo(a.path("window"));
            JsonNode pa = a.path("prediction").path("values").path("value");
            JsonNode pb = b.path("prediction").path("values").path("value");
            for (int k = 0; k < pa.size(); k++) {
                assertThat(pb.get(k).asDouble()).isCloseTo(pa.get(k).asDouble(), within(1e-3));
            }
            JsonNode wa = a.path("attention").path("weights");
            JsonNode wb = b.path("attention").path("weights");
            assertThat(wb.size()).isEqualTo(wa.size());
            for (int k = 0; k < wa.size(); k++) {
                assertThat(wb.get(k).asDouble()).isCloseTo(wa.get(k).asDouble(), within(1e-4));
            }
            assertThat(b.path("top_steps").get(0).path("index"))
                    .isEqualTo(a.path("top_steps").get(0).path("index"));
        }
    }

    @Test
    void shouldSayThatTheOnnxModelGivesRolloutWhereRelevanceIsAskedFor(@TempDir Path dir)
            throws Exception {
        try (ForecastModel m =
                ModelLoader.load(
                        Path.of("../models/shipped/sensor-default-onnx"), DeviceChoice.CPU)) {
            List<JsonNode> onnx =
                    run(
                            ModelSource.of(m),
                            dir,
                            Map.of("window.stride", "8", "attention.method", "relevance"));
            assertThat(onnx).isNotEmpty();
            for (JsonNode p : onnx) {
                assertThat(p.path("attention").path("method").asText()).isEqualTo("rollout");
            }
        }
    }

    private static List<JsonNode> run(ModelSource models, Path stateDir, Map<String, String> config)
            throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (TopologyHarness h = new TopologyHarness(HeedConfig.of(config), stateDir, models)) {
            for (int i = 0; i < 200; i++) {
                h.in.pipeInput(
                        "pump-7".getBytes(), reading("pump-7", T0 + i * 60_000L, 40 + wave(i)));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            for (byte[] v : h.predictions.readValuesToList()) {
                out.add(JSON.readTree(v));
            }
        }
        return out;
    }
}
