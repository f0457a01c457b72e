package dev.heed.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.ModelDescriptor.Normalization;
import dev.heed.models.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDescriptorTest {

    @TempDir Path dir;

    private static ModelDescriptor full() {
        Map<String, String> sha = new LinkedHashMap<>();
        sha.put("data/ETTh1.csv", "ab12");
        return new ModelDescriptor(
                "djl",
                "etth1",
                "2026-11-21T18:40:00Z",
                TestModels.TINY,
                List.of("HUFL", "OT"),
                96,
                24,
                new Normalization(List.of(1.5, -2.0), List.of(0.5, 3.0)),
                true,
                ModelDescriptor.Outputs.DEFAULT,
                List.of("head_mean", "rollout", "query"),
                "model.params",
                "ffee",
                new ModelDescriptor.Data(
                        List.of("data/ETTh1.csv"),
                        sha,
                        Map.of("data/ETTh1.csv", 17420),
                        "all",
                        "8640,2880,2880"),
                new ModelDescriptor.Training(
                        "heed train --data data/ETTh1.csv",
                        42,
                        12,
                        9,
                        64,
                        1e-3,
                        "cosine",
                        1.0,
                        2,
                        1,
                        81.5),
                new ModelDescriptor.Metrics(0.7, 0.55, null, 0.5),
                "2026-11-21T18:40:00Z",
                "0.1.0");
    }

    private static ModelDescriptor withWindow(ModelDescriptor d, int window) {
        return new ModelDescriptor(
                d.format(),
                d.name(),
                d.version(),
                d.architecture(),
                d.variables(),
                window,
                d.horizon(),
                d.normalization(),
                d.instanceNorm(),
                d.outputs(),
                d.attentionMethods(),
                d.weights(),
                d.weightsSha256(),
                d.data(),
                d.training(),
                d.metrics(),
                d.created(),
                d.heedVersion());
    }

    @Test
    void shouldRoundTripThroughModelJson() throws Exception {
        ModelDescriptor d = full();
        d.write(dir);
        assertThat(ModelDescriptor.read(dir)).isEqualTo(d);
        assertThat(ModelDescriptor.fromJson(d.toJson())).isEqualTo(d);
    }

    @Test
    void shouldWriteSnakeCaseKeysAndLeaveOutUnknownValues() throws Exception {
        full().write(dir);
        String json = Files.readString(dir.resolve("model.json"));
        assertThat(json)
                .contains(
                        "\"instance_norm\" : true",
                        "\"d_model\" : 8",
                        "\"patch_stride\" : 4",
                        "\"attention_methods\" : [ \"head_mean\", \"rollout\", \"query\" ]",
                        "\"epochs_run\" : 12",
                        "\"nan_rollbacks\" : 2",
                        "\"val_mse\" : 0.7",
                        "\"heed_version\" : \"0.1.0\"")
                .doesNotContain("test_mse", "channel_independent");
    }

    @Test
    void shouldNameTheBadValueWhenInvalid() {
        assertThatThrownBy(() -> withWindow(full(), -3).validate())
                .isInstanceOf(HeedModelException.class)
                .hasMessage("model.json: window must be > 0: -3");
        assertThatThrownBy(() -> withWindow(full(), 2).validate())
                .hasMessage("model.json: architecture.patch_len must be <= window: 4 > 2");
        ModelDescriptor star =
                TestModels.descriptor(
                        List.of("*"), 16, 2, new Normalization(List.of(0.0), List.of(1.0)));
        assertThatThrownBy(star::validate)
                .hasMessageContaining("normalization must be empty for channel-independent");
        ModelDescriptor mixed = TestModels.descriptor(List.of("*", "a"), 16, 2, null);
        assertThatThrownBy(mixed::validate)
                .hasMessageContaining("\"*\" (channel-independent) must be");
        ModelDescriptor shortStats =
                TestModels.descriptor(
                        List.of("a", "b"), 16, 2, new Normalization(List.of(0.0), List.of(1.0)));
        assertThatThrownBy(shortStats::validate)
                .hasMessageContaining("one value per variable (2): mean has 1, std has 1");
    }

    @Test
    void shouldReportAMissingOrBrokenModelJsonOnRead() throws Exception {
        assertThatThrownBy(() -> ModelDescriptor.read(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.json not found in " + dir);
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"djl\", \"window\": ");
        assertThatThrownBy(() -> ModelDescriptor.read(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a valid descriptor");
        Files.writeString(
                dir.resolve("model.json"), full().toJson().replace("\"rollout\"", "\"saliency\""));
        assertThatThrownBy(() -> ModelDescriptor.read(dir))
                .hasMessageContaining("attention.method must be one of head_mean, rollout, query")
                .hasMessageContaining("saliency");
    }

    @Test
    void shouldAcceptExportedFormatsWithOnlyTheTokenMapping() {
        String json =
                "{\"format\": \"onnx\", \"name\": \"n\", \"version\": \"v1\", \"variables\": [\"*\"],"
                        + " \"window\": 64, \"horizon\": 8, \"instance_norm\": true, \"weights\": \"m.onnx\","
                        + " \"architecture\": {\"patch_len\": 16, \"patch_stride\": 8}}";
        ModelDescriptor d = ModelDescriptor.fromJson(json);
        assertThat(d.channelIndependent()).isTrue();
        assertThat(d.architecture().patchLen()).isEqualTo(16);
        assertThat(d.architecture().heads()).isZero();
        assertThat(d.outputs()).isEqualTo(ModelDescriptor.Outputs.DEFAULT);
        assertThat(d.normalization().isEmpty()).isTrue();
        assertThat(ModelDescriptor.fromJson(d.toJson())).isEqualTo(d);
    }

    @Test
    void shouldRequireTheTokenMappingOfExportedFormats() {
        String noArchitecture =
                "{\"format\": \"torchscript\", \"name\": \"n\", \"version\": \"v1\","
                        + " \"variables\": [\"*\"], \"window\": 64, \"horizon\": 8, \"weights\": \"m.pt\"}";
        assertThatThrownBy(() -> ModelDescriptor.fromJson(noArchitecture))
                .isInstanceOf(HeedModelException.class)
                .hasMessage(
                        "model.json: architecture with patch_len and patch_stride is required for format"
                                + " torchscript (they map attention tokens to time steps)");
        String noStride = noArchitecture.replace("}", ", \"architecture\": {\"patch_len\": 16}}");
        assertThatThrownBy(() -> ModelDescriptor.fromJson(noStride))
                .hasMessage("model.json: architecture.patch_stride must be > 0: 0");
        String noWeights =
                noArchitecture
                        .replace(", \"weights\": \"m.pt\"", "")
                        .replace(
                                "}",
                                ", \"architecture\": {\"patch_len\": 16, \"patch_stride\": 8}}");
        assertThatThrownBy(() -> ModelDescriptor.fromJson(noWeights))
                .hasMessage(
                        "model.json: weights (the torchscript file name) is required for format"
                                + " torchscript");
    }
}
