package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bring-your-own speech contract, over a TorchScript and an ONNX CTC fixture written by {@code
 * src/test/fixtures/export_fixtures.py speech}: Heed's transcriber must give the tokens, runs,
 * confidences and attention that eager PyTorch computed.
 */
class SpeechFormatContractTest {

    @TempDir Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"speech-torchscript-tiny", "speech-onnx-tiny"})
    void shouldTranscribeTheGoldenFeaturesAsPyTorchDid(String fixture) throws Exception {
        Path dir = Fixtures.dir(fixture);
        JsonNode golden = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        try (SpeechModel model = SpeechModel.load(dir, DeviceChoice.CPU)) {
            assertThat(model.vocabulary()).hasSize(11).startsWith("<blank>", "zero");
            Transcriber transcriber = model.newTranscriber();
            for (JsonNode c : golden.get("cases")) {
                float[][] x = features(c.get("features"));
                Transcript t = transcriber.transcribe(x);
                assertThat(t.steps()).isEqualTo(x.length / 2);
                JsonNode expected = c.get("tokens");
                assertThat(t.tokens()).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    SpeechToken got = t.tokens().get(i);
                    JsonNode want = expected.get(i);
                    assertThat(got.id()).isEqualTo(want.get("id").asInt());
                    assertThat(got.text()).isEqualTo(want.get("text").asText());
                    assertThat(got.startStep()).isEqualTo(want.get("start_step").asInt());
                    assertThat(got.endStep()).isEqualTo(want.get("end_step").asInt());
                    assertThat(got.confidence())
                            .isCloseTo((float) want.get("confidence").asDouble(), within(1e-4f));
                    assertThat(got.peakStep()).isEqualTo(want.get("peak_step").asInt());
                    assertThat(got.attention()).hasSize(t.steps());
                    for (int k = 0; k < t.steps(); k++) {
                        assertThat(got.attention()[k])
                                .isCloseTo(
                                        (float) want.get("attention").get(k).asDouble(),
                                        within(1e-4f));
                    }
                    // subsampling 2 of 10 ms frames: 20 ms steps
                    assertThat(got.startSeconds()).isCloseTo(got.startStep() * 0.02, within(1e-9));
                    assertThat(got.endSeconds())
                            .isCloseTo((got.endStep() + 1) * 0.02, within(1e-9));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech-torchscript-tiny", "speech-onnx-tiny"})
    void shouldNameTheMelCountWhenFeaturesDoNotFit(String fixture) throws Exception {
        try (SpeechModel model = SpeechModel.load(Fixtures.dir(fixture), DeviceChoice.CPU)) {
            assertThatThrownBy(() -> model.newTranscriber().transcribe(new float[10][13]))
                    .isInstanceOf(HeedModelException.class)
                    .hasMessageContaining("13 mels")
                    .hasMessageContaining("expects 40");
            assertThat(model.newTranscriber().transcribe(new float[1][40]).tokens()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech-torchscript-tiny", "speech-onnx-tiny"})
    void shouldRefuseAModelWithoutItsVocabularyFile(String fixture) throws Exception {
        Path copy = copy(Fixtures.dir(fixture));
        Files.delete(copy.resolve("vocab.txt"));
        assertThatThrownBy(() -> SpeechModel.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("vocabulary file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech-torchscript-tiny", "speech-onnx-tiny"})
    void shouldRefuseReplacedWeights(String fixture) throws Exception {
        Path copy = copy(Fixtures.dir(fixture));
        SpeechDescriptor d = SpeechDescriptor.read(copy);
        Files.write(copy.resolve(d.weights()), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SpeechModel.load(copy, DeviceChoice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("corrupt or replaced");
    }

    private Path copy(Path dir) throws Exception {
        Path to = temp.resolve(dir.getFileName());
        Files.createDirectories(to);
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static float[][] features(JsonNode rows) {
        float[][] x = new float[rows.size()][];
        for (int t = 0; t < x.length; t++) {
            JsonNode row = rows.get(t);
            x[t] = new float[row.size()];
            for (int m = 0; m < x[t].length; m++) {
                x[t][m] = (float) row.get(m).asDouble();
            }
        }
        return x;
    }
}
