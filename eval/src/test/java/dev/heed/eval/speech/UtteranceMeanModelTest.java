package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.SpeechToken;
import dev.heed.models.speech.Transcriber;
import dev.heed.models.speech.Transcript;
import dev.heed.streams.transcription.SpeechFeatures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A speech model whose {@code model.json} says {@code utterance_mean} applies it in its
 * transcriber: a microphone's fixed colouring (a per-mel offset of the log-mel frames) changes
 * nothing it hears.
 */
class UtteranceMeanModelTest {

    @TempDir Path temp;

    @Test
    void shouldHearTheSameThroughAMicrophonesFixedColouring() throws Exception {
        Path dir =
                ShippedCopy.with(
                        temp.resolve("utterance"),
                        Map.of(
                                "utterance_mean",
                                true,
                                "stream_mean",
                                false,
                                "stream_prior",
                                ShippedCopy.ABSENT));
        try (SpeechModel m = SpeechModel.load(dir, DeviceChoice.CPU)) {
            assertThat(m.descriptor().utteranceMean()).isTrue();
            FeatureConfig features = SpeechFeatures.of(m.descriptor());
            Transcriber t = m.newTranscriber();
            for (Map.Entry<Path, float[][]> sample : SampleFrames.padded(features).entrySet()) {
                float[][] frames = sample.getValue();
                float[][] coloured = new float[frames.length][];
                for (int i = 0; i < frames.length; i++) {
                    coloured[i] = frames[i].clone();
                    for (int k = 0; k < coloured[i].length; k++) {
                        coloured[i][k] += 2f - 0.1f * k; // a tilt: bass up, treble down
                    }
                }
                Transcript plain = t.transcribe(frames);
                Transcript tilted = t.transcribe(coloured);
                assertThat(tilted.text()).as(sample.getKey().toString()).isEqualTo(plain.text());
                List<SpeechToken> a = plain.tokens();
                for (int i = 0; i < a.size(); i++) {
                    assertThat(tilted.tokens().get(i).confidence())
                            .isCloseTo(a.get(i).confidence(), within(1e-4f));
                }
            }
        }
    }
}
