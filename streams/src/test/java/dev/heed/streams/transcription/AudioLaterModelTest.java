package dev.heed.streams.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code speech.model.later.dir} through the audio topology: a stream's first utterance goes to the
 * stream's model, the utterances after its first final to the later model (here the shipped model
 * under another name, so that each transcript's {@code model} says which one made it).
 */
class AudioLaterModelTest {
    private static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");
    private static final SpeechModel model = Fixtures.speechModel();

    @TempDir Path stateDir;
    @TempDir Path laterDir;

    /** The shipped model's files under {@code name}, with {@code from} replaced by {@code to}. */
    private Path copy(String name, String from, String to) throws Exception {
        Path dir = Files.createDirectories(laterDir.resolve(name));
        for (String f : new String[] {"model.params", "vocab.txt"}) {
            Files.copy(Fixtures.SPEECH_MODEL.resolve(f), dir.resolve(f));
        }
        String json = Files.readString(Fixtures.SPEECH_MODEL.resolve("model.json"));
        assertThat(json).contains(from);
        Files.writeString(dir.resolve("model.json"), json.replace(from, to));
        return dir;
    }

    private List<JsonNode> finals(Map<String, String> settings) throws Exception {
        WavFile wav = WavFile.read(DIGITS);
        try (AudioHarness h = new AudioHarness(stateDir, settings, model)) {
            h.stream(wav.samples(), wav.sampleRate(), 0, true);
            return h.transcripts().stream().filter(t -> t.get("final").asBoolean()).toList();
        }
    }

    private static List<String> models(List<JsonNode> finals) {
        return finals.stream().map(t -> t.get("model").get("name").asText()).toList();
    }

    @Test
    void shouldGiveAStreamsFirstUtteranceToItsModelAndTheLaterOnesToTheLaterModel()
            throws Exception {
        Path later = copy("later", "\"name\": \"speech-digits\"", "\"name\": \"speech-later\"");

        List<JsonNode> two = finals(Map.of("speech.model.later.dir", later.toString()));
        List<JsonNode> one = finals(Map.of());

        assertThat(two).hasSize(4);
        assertThat(models(two))
                .containsExactly("speech-digits", "speech-later", "speech-later", "speech-later");
        assertThat(models(one)).containsOnly("speech-digits");
        // the same network under two names: the words do not change
        assertThat(two.stream().map(t -> t.get("text").asText()).toList())
                .containsExactly("two", "zero", "four", "eight");
    }

    @Test
    void shouldRefuseALaterModelThatHearsOtherFeaturesOrIsNotThereOrAStreamModelWithoutStreamMean()
            throws Exception {
        Path other = copy("other", "\"sample_rate\": 8000", "\"sample_rate\": 16000");
        assertThatThrownBy(
                        () ->
                                new AudioHarness(
                                        stateDir,
                                        Map.of("speech.model.later.dir", other.toString()),
                                        model))
                .hasMessageContaining("speech.model.later.dir")
                .hasMessageContaining(other.toString())
                .hasMessageContaining("other features");
        Path plain = copy("plain", "\"stream_mean\": true", "\"stream_mean\": false");
        ObjectMapper json = new ObjectMapper();
        ObjectNode d = (ObjectNode) json.readTree(plain.resolve("model.json").toFile());
        d.remove("stream_prior"); // a prior needs a stream mean
        json.writeValue(plain.resolve("model.json").toFile(), d);
        try (SpeechModel noStreamMean = SpeechModel.load(plain, DeviceChoice.CPU)) {
            assertThatThrownBy(
                            () ->
                                    new AudioHarness(
                                            stateDir,
                                            Map.of(
                                                    "speech.model.later.dir",
                                                    Fixtures.SPEECH_MODEL.toString()),
                                            noStreamMean))
                    .hasMessageContaining("speech.model.later.dir")
                    .hasMessageContaining("keeps the stream's speech mean");
        }
        Path missing = laterDir.resolve("missing");
        assertThatThrownBy(
                        () ->
                                new AudioHarness(
                                        stateDir,
                                        Map.of("speech.model.later.dir", missing.toString()),
                                        model))
                .hasMessageContaining("speech.model.later.dir")
                .hasMessageContaining(missing.toString());
    }
}
