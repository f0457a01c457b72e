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
    void shouldReadABlankPenaltyAndTakeItsAbsenceAsZero() throws Exception {
        String json = Files.readString(Fixtures.dir("speech-onnx-tiny").resolve("model.json"));
        assertThat(SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny")).blankPenalty()).isZero();
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, \"blank_penalty\": 1.0"));
        assertThat(SpeechDescriptor.read(temp).blankPenalty()).isEqualTo(1.0);
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, \"blank_penalty\": -1"));
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("blank_penalty must be natural-log units from 0 to 10: -1.0");
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
    void shouldReadAStreamPriorOnlyBesideAStreamMeanAndWithAMeanPerMel() throws Exception {
        String json = Files.readString(Fixtures.dir("speech-onnx-tiny").resolve("model.json"));
        int mels = SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny")).features().mels();
        assertThat(SpeechDescriptor.read(Fixtures.dir("speech-onnx-tiny")).streamPrior().isNone())
                .isTrue();
        String mean = String.join(",", java.util.Collections.nCopies(mels, "-4.5"));
        String prior = "\"stream_prior\": {\"frames\": 100, \"mean\": [" + mean + "]}";
        Files.writeString(
                temp.resolve("model.json"),
                json.replace(
                        "\"subsampling\": 2",
                        "\"subsampling\": 2, \"stream_mean\": true, " + prior));
        SpeechDescriptor d = SpeechDescriptor.read(temp);
        assertThat(d.streamPrior().frames()).isEqualTo(100);
        assertThat(d.streamPrior().mean()).hasSize(mels).containsOnly(-4.5);
        float[][] x = new float[30][mels];
        for (int t = 0; t < x.length; t++) {
            x[t][t % mels] = -2f;
        }
        assertThat(FramePreparation.of(d).apply(x))
                .as("a model with a prior prepares a stream's first utterance with it")
                .isDeepEqualTo(StreamMean.NONE.subtract(x, d.streamPrior()))
                .isNotEqualTo(new FramePreparation(mels, 0, false, true).apply(x));
        d.write(temp.resolve("again"));
        assertThat(SpeechDescriptor.read(temp.resolve("again")).streamPrior())
                .isEqualTo(d.streamPrior());
        Files.writeString(
                temp.resolve("model.json"),
                json.replace("\"subsampling\": 2", "\"subsampling\": 2, " + prior));
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("stream_prior is set but stream_mean is false");
        Files.writeString(
                temp.resolve("model.json"),
                json.replace(
                        "\"subsampling\": 2",
                        "\"subsampling\": 2, \"stream_mean\": true, "
                                + "\"stream_prior\": {\"frames\": 100, \"mean\": [-4.5]}"));
        assertThatThrownBy(() -> SpeechDescriptor.read(temp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(
                        "stream_prior needs frames >= 0 and one mean per mel ("
                                + mels
                                + "): frames 100.0, 1 means");
    }

    @Test
    void shouldRefuseAForecasterDescriptor() {
        assertThatThrownBy(() -> SpeechDescriptor.read(Fixtures.dir("onnx-tiny")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("task must be speech-ctc");
    }
}
