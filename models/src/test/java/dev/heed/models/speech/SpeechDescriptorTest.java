package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechDescriptorTest {

    @TempDir Path temp;

    @Test
    void shouldReadBackWhatItWroteInSnakeCase() throws Exception {
        SpeechDescriptor d = SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny"));
        assertThat(d.task()).isEqualTo(SpeechDescriptor.TASK);
        assertThat(d.features().mels()).isEqualTo(40);
        assertThat(d.stepSeconds()).isEqualTo(0.02);
        d.write(temp);
        assertThat(Files.readString(temp.resolve("model.json")))
                .contains("\"sample_rate\" : 8000", "\"log_probs\" : 0");
        assertThat(SpeechDescriptor.read(temp)).isEqualTo(d);
    }

    @Test
    void shouldNameTheFieldAndValueThatIsWrong() throws Exception {
        String json =
                Files.readString(Fixtures.dir("speech-onnx-tiny").resolve("model.json"))
                        .replace("\"subsampling\": 2", "\"subsampling\": 0");
        Files.writeString(temp.resolve("model.json"), json);
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.json: subsampling must be > 0: 0");
    }

    @Test
    void shouldReadAMinimumRepeatGapAndTakeItsAbsenceAsZero() throws Exception {
        String json = Files.readString(Fixtures.dir("speech-onnx-tiny").resolve("model.json"));
        assertThat(SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny")).minRepeatGap()).isZero();
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, \"min_repeat_gap\": 0.24"));
        assertThat(SpeechDescriptor.read(temp).minRepeatGap()).isEqualTo(0.24);
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, \"min_repeat_gap\": -1"));
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("min_repeat_gap must be seconds from 0 to 10: -1.0");
    }

    @Test
    void shouldReadCepstralKeepAndRefuseMoreCoefficientsThanMels() throws Exception {
        String json = Files.readString(Fixtures.dir("speech-onnx-tiny").resolve("model.json"));
        SpeechDescriptor plain = SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny"));
        assertThat(plain.cepstralKeep()).isZero();
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, \"cepstral_keep\": 13"));
        assertThat(SpeechDescriptor.read(temp).cepstralKeep()).isEqualTo(13);
        int tooMany = plain.features().mels() + 1;
        Files.writeString(
                temp.resolve("model.json"),
                json.replace(
                        "\"subsampling\": 2", "\"subsampling\": 2, \"cepstral_keep\": " + tooMany));
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(
                        "cepstral_keep must be from 0 (none) to features.mels ("
                                + plain.features().mels()
                                + "): "
                                + tooMany);
    }

    @Test
    void shouldReadAStreamMeanAndRefuseItBesideAnUtteranceMean() throws Exception {
        String json = Files.readString(Fixtures.dir("speech-onnx-tiny").resolve("model.json"));
        assertThat(SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny")).streamMean()).isFalse();
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, \"stream_mean\": true"));
        assertThat(SpeechDescriptor.read(temp).streamMean()).isTrue();
        Files.writeString(
                temp.resolve("model.json"),
                json.replace(
                        "\"subsampling\": 2",
                        "\"subsampling\": 2, \"stream_mean\": true, \"utterance_mean\": true"));
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("stream_mean and utterance_mean are both true; set one");
    }

    @Test
    void shouldRefuseAForecasterDescriptor() {
        assertThatThrownBy(() -> SpeechDescriptor.read(Fixtures.dir("onnx-tiny")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("task must be speech-ctc");
    }
}
