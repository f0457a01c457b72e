package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.ModelLoadException;
import dev.heed.models.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    @TempDir Path dir;

    private ModelDescriptor writeModel() throws Exception {
        return TestModels.writeRandomModel(
                dir, TestModels.descriptor(List.of("a", "b"), 16, 3, null));
    }

    /** The same descriptor with another architecture, weights hash left as written. */
    private void rewriteArchitecture(ModelDescriptor d, Architecture a) throws Exception {
        TestModels.descriptor(
                        a,
                        d.variables(),
                        d.window(),
                        d.horizon(),
                        d.normalization(),
                        d.weightsSha256())
                .write(dir);
    }

    @Test
    void shouldLoadAModelDirectory() throws Exception {
        ModelDescriptor written = writeModel();
        try (ForecastModel model = ModelLoader.load(dir, DeviceChoice.CPU)) {
            assertThat(model.descriptor()).isEqualTo(written);
        }
    }

    @Test
    void shouldExplainAMissingDirectoryOrDescriptor() {
        assertThatThrownBy(() -> ModelLoader.load(dir.resolve("nope"), DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model directory not found")
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.json not found in " + dir);
    }

    @Test
    void shouldExplainMissingWeights() throws Exception {
        writeModel();
        Files.delete(dir.resolve("model.params"));
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model weights not found: " + dir.resolve("model.params"));
    }

    @Test
    void shouldDetectCorruptWeightsByHashAndWithoutOne() throws Exception {
        ModelDescriptor d = writeModel();
        byte[] bytes = Files.readAllBytes(dir.resolve("model.params"));
        Files.write(dir.resolve("model.params"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("are corrupt or replaced: sha256 is")
                .hasMessageContaining(d.weightsSha256());
        TestModels.descriptor(
                        d.architecture(),
                        d.variables(),
                        d.window(),
                        d.horizon(),
                        d.normalization(),
                        null)
                .write(dir);
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("cannot load model weights")
                .hasMessageContaining("corrupt or was written for a different architecture");
    }

    @Test
    void shouldReportShapeMismatchesWithTheParameterAndBothShapes() throws Exception {
        ModelDescriptor d = writeModel();
        rewriteArchitecture(
                d, new Architecture(Architecture.PATCH_TRANSFORMER, 8, 2, 2, 32, 4, 4, 0.0));
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("do not match model.json: parameter")
                .hasMessageContaining(
                        "feedForwardIn_weight has shape (16, 8), the architecture expects"
                                + " (32, 8)");
        rewriteArchitecture(
                d, new Architecture(Architecture.PATCH_TRANSFORMER, 8, 2, 1, 16, 4, 4, 0.0));
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .hasMessageContaining("written for a different architecture");
    }

    @Test
    void shouldRejectWeightsWithTrailingData() throws Exception {
        ModelDescriptor d = writeModel();
        Files.write(
                dir.resolve("model.params"),
                new byte[] {1, 2, 3},
                java.nio.file.StandardOpenOption.APPEND);
        TestModels.descriptor(
                        d.architecture(),
                        d.variables(),
                        d.window(),
                        d.horizon(),
                        d.normalization(),
                        null)
                .write(dir);
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(
                        "hold more parameters than model.json's architecture describes");
    }

    @Test
    void shouldNameUnknownFormatsAndTheSupportedOnes() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("model.json"),
                "{\"format\": \"tflite\", \"name\": \"n\", \"version\": \"1\", \"variables\": [\"*\"],"
                        + " \"window\": 8, \"horizon\": 2, \"weights\": \"model.tflite\"}");
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.AUTO))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("unknown format 'tflite'")
                .hasMessageContaining("supported formats: djl, torchscript, onnx");
    }

    @Test
    void shouldRefuseGpuWhenTheEngineHasNone() throws Exception {
        writeModel();
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is present");
        assertThatThrownBy(() -> ModelLoader.load(dir, DeviceChoice.GPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("device gpu requested but the PyTorch engine reports no GPU");
        try (ForecastModel model = ModelLoader.load(dir, DeviceChoice.AUTO)) {
            assertThat(model.descriptor().name()).isEqualTo("test-model");
        }
    }
}
