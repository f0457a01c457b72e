package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelLoadException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What only exported (torchscript, onnx) models need: a minimal architecture and its checks. */
class ExportedFormatsTest {

    @TempDir Path temp;

    /** Replaces the fixture copy's architecture block with the given fields only. */
    private static void architecture(Path dir, int patchLen, int stride, int layers, int heads)
            throws Exception {
        Fixtures.editDescriptor(
                dir,
                json -> {
                    ObjectNode a = json.putObject("architecture");
                    a.put("patch_len", patchLen).put("patch_stride", stride);
                    if (layers > 0) {
                        a.put("layers", layers).put("heads", heads);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"torchscript-tiny", "onnx-tiny"})
    void shouldLoadAModelDescribedOnlyByItsPatching(String fixture) throws Exception {
        Path dir = Fixtures.copy(fixture, temp);
        architecture(dir, 8, 8, 0, 0);
        Golden golden = Golden.read(dir);
        try (ForecastModel model = ModelLoader.load(dir, DeviceChoice.CPU);
                Forecaster forecaster = model.newForecaster()) {
            assertThat(model.descriptor().architecture().type()).isNull();
            Forecast f =
                    forecaster
                            .forecast(
                                    List.<float[][]>of(golden.windows()[0]),
                                    AttentionMethod.ROLLOUT)
                            .get(0);
            assertThat(f.embedding()).as("an exported network gives no embedding").isNull();
            for (int k = 0; k < golden.prediction()[0][0].length; k++) {
                assertThat(f.prediction()[0][k])
                        .isCloseTo(golden.prediction()[0][0][k], within(1e-3f));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"torchscript-tiny", "onnx-tiny"})
    void shouldNameArchitectureValuesThatContradictTheAttention(String fixture) throws Exception {
        Path dir = Fixtures.copy(fixture, temp);
        architecture(dir, 8, 8, 3, 2);
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("2 layers, model.json's architecture.layers is 3");
        architecture(dir, 8, 8, 2, 4);
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .hasMessageContaining("2 heads, model.json's architecture.heads is 4");
        architecture(dir, 8, 4, 0, 0);
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .hasMessageContaining(
                        "5 tokens, but patch_len 8 and patch_stride 4 over window 32 give 7 patches (8 with end"
                                + " padding)");
    }

    @Test
    void shouldRunOnnxOnTheCpuOnly() throws Exception {
        Path dir = Fixtures.dir("onnx-tiny");
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.GPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(
                        "device gpu requested but format onnx runs on ONNX Runtime's CPU");
        try (ForecastModel model = ModelLoader.load(dir, DeviceChoice.AUTO)) {
            assertThat(model.descriptor().name()).isEqualTo("onnx-tiny");
        }
    }

    @Test
    void shouldRefuseAnOnnxGraphWithAFixedBatchAtLoad() {
        Path dir = Fixtures.dir("onnx-fixed-batch");
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(
                        "model onnx-fixed-batch does not fit model.json: model onnx-fixed-batch (onnx) failed"
                                + " on an input of shape (B, T, C) = (2, 32, 1): ")
                .hasMessageContaining("Got: 2 Expected: 1")
                .hasMessageContaining("of any batch size B")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasMessageContaining(dir.toString());
    }

    @Test
    void shouldRefuseAFileOfAnotherFormat() throws Exception {
        Path dir = Fixtures.copy("onnx-tiny", temp);
        java.nio.file.Files.copy(
                Fixtures.dir("torchscript-tiny").resolve("model.pt"),
                dir.resolve("model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Fixtures.editDescriptor(dir, json -> json.remove("weights_sha256"));
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(
                        "cannot load ONNX model " + dir.resolve("model.onnx") + ": ")
                .hasMessageEndingWith(
                        "; the file is corrupt or not an ONNX graph (torch.onnx.export)");
    }
}
