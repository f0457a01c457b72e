package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.Transcriber;
import dev.heed.models.speech.Transcript;
import dev.heed.streams.transcription.SpeechFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose {@code model.json} says {@code stream_mean} learns its stream: its transcriber
 * remembers finished utterances, what it hears depends on them, and a microphone's fixed colouring
 * heard throughout the stream changes nothing. A model without the setting remembers nothing.
 */
class StreamMeanModelTest {

    @TempDir Path temp;

    private static float[][] tilted(float[][] frames) {
        return tilted(frames, 0.1f); // bass up, treble down
    }

    /**
     * {@code frames} with {@code 20 slope} added to the lowest mel, falling {@code slope} a mel.
     */
    private static float[][] tilted(float[][] frames, float slope) {
        float[][] out = new float[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            out[i] = frames[i].clone();
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] += slope * (20 - k);
            }
        }
        return out;
    }

    @Test
    void shouldLearnItsStreamAndCancelTheMicrophoneThroughout() throws Exception {
        Path dir =
                ShippedCopy.with(
                        temp.resolve("stream"),
                        Map.of(
                                "utterance_mean",
                                false,
                                "stream_mean",
                                true,
                                "stream_prior",
                                ShippedCopy.ABSENT));
        Path plainDir =
                ShippedCopy.with(
                        temp.resolve("plain"),
                        Map.of(
                                "utterance_mean",
                                true,
                                "stream_mean",
                                false,
                                "stream_prior",
                                ShippedCopy.ABSENT));
        try (SpeechModel m = SpeechModel.load(dir, DeviceChoice.CPU);
                SpeechModel plainModel = SpeechModel.load(plainDir, DeviceChoice.CPU)) {
            FeatureConfig features = SpeechFeatures.of(m.descriptor());
            List<float[][]> samples = new ArrayList<>(SampleFrames.padded(features).values());
            Transcriber t = m.newTranscriber();
            Transcriber shipped = plainModel.newTranscriber();
            assertThat(shipped.remember(StreamMean.NONE, samples.get(0)))
                    .as("a model without stream_mean keeps nothing")
                    .isSameAs(StreamMean.NONE);
            StreamMean clean = StreamMean.NONE;
            StreamMean coloured = StreamMean.NONE;
            StreamMean steep = StreamMean.NONE;
            double moved = 0;
            for (float[][] frames : samples) {
                Transcript a = t.transcribe(frames, clean);
                Transcript b = t.transcribe(tilted(frames), coloured);
                assertThat(b.text()).isEqualTo(a.text());
                for (int i = 0; i < a.tokens().size(); i++) {
                    assertThat(b.tokens().get(i).confidence())
                            .isCloseTo(a.tokens().get(i).confidence(), within(1e-3f));
                }
                moved += Math.abs(confidence(t.transcribe(frames, steep)) - confidence(a));
                clean = t.remember(clean, frames);
                coloured = t.remember(coloured, tilted(frames));
                steep = t.remember(steep, tilted(frames, 0.4f));
            }
            assertThat(clean.frames()).as("it remembered the stream").isPositive();
            assertThat(moved)
                    .as("a history heard through another microphone changes what it hears")
                    .isGreaterThan(1e-3);
        }
    }

    private static double confidence(Transcript t) {
        double sum = 0;
        for (var token : t.tokens()) {
            sum += token.confidence();
        }
        return sum;
    }
}
