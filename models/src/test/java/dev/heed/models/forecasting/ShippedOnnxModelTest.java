package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.DeviceChoice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code sensor-default-onnx} is {@code heed export onnx} of the shipped {@code
 * sensor-default}: it names that model's weights and forecasts what it forecasts, up to float
 * rounding, through ONNX Runtime.
 */
class ShippedOnnxModelTest {
    private static final Path DJL = Path.of("shipped/sensor-default");
    private static final Path ONNX = Path.of("shipped/sensor-default-onnx");

    @Test
    void shouldBeTheExportOfTheShippedModel() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode onnx = json.readTree(ONNX.resolve("model.json").toFile());
        JsonNode djl = json.readTree(DJL.resolve("model.json").toFile());
        assertThat(onnx.path("format").asText()).isEqualTo("onnx");
        assertThat(onnx.path("exported_from").path("weights_sha256").asText())
                .isEqualTo(djl.path("weights_sha256").asText());
        assertThat(onnx.path("exported_from").path("version").asText())
                .isEqualTo(djl.path("version").asText());
        assertThat(onnx.path("export").path("command").asText()).startsWith("heed export onnx");
    }

    @Test
    void shouldForecastWhatTheShippedModelForecasts() throws Exception {
        try (ForecastModel djl = ModelLoader.load(DJL, DeviceChoice.CPU);
                ForecastModel onnx = ModelLoader.load(ONNX, DeviceChoice.CPU)) {
            ModelExport.Agreement g = ModelExport.agreement(djl, onnx, 128, 7);
            assertThat(g.withinRounding()).as("%s", g).isTrue();
            assertThat(g.maxPredictionSize())
                    .isGreaterThan(10); // the windows are not all near zero
        }
    }

    @Test
    void shouldTellApartAModelWhoseWeightsMovedSlightly() throws Exception {
        try (ForecastModel djl = ModelLoader.load(DJL, DeviceChoice.CPU);
                ForecastModel moved = ModelLoader.load(DJL, DeviceChoice.CPU)) {
            NDArray bias =
                    ((NetworkForecastModel) moved)
                            .model()
                            .getBlock()
                            .getParameters()
                            .get("04head_bias")
                            .getArray();
            bias.addi(1e-3f); // one thousandth of a standard deviation of the forecast
            ModelExport.Agreement g = ModelExport.agreement(djl, moved, 128, 7);
            assertThat(g.withinRounding()).as("%s", g).isFalse();
        }
    }
}
