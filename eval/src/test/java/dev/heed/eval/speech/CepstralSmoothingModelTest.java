package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.SpeechToken;
import dev.heed.models.speech.Transcript;
import dev.heed.streams.transcription.SpeechFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose {@code model.json} says {@code cepstral_keep} smooths what it hears: ripple across
 * the mels finer than the kept cepstra (a voice's harmonics) changes nothing, while the same model
 * without the setting hears the ripple.
 */
class CepstralSmoothingModelTest {

    @TempDir Path temp;

    @Test
    void shouldNotHearRippleFinerThanTheKeptCepstra() throws Exception {
        Path smoothed = ShippedCopy.with(temp.resolve("smoothed"), Map.of("cepstral_keep", 13));
        List<float[][]> plain = new ArrayList<>();
        List<float[][]> rippled = new ArrayList<>();
        try (SpeechModel m = SpeechModel.load(ShippedCopy.SHIPPED, DeviceChoice.CPU)) {
            FeatureConfig features = SpeechFeatures.of(m.descriptor());
            for (float[][] frames : SampleFrames.padded(features).values()) {
                plain.add(frames);
                rippled.add(rippled(frames));
            }
            double moved = 0;
            for (int i = 0; i < plain.size(); i++) {
                moved +=
                        difference(
                                m.newTranscriber().transcribe(plain.get(i)),
                                m.newTranscriber().transcribe(rippled.get(i)));
            }
            assertThat(moved).as("the unsmoothed model hears the ripple").isGreaterThan(0.01);
        }
        try (SpeechModel m = SpeechModel.load(smoothed, DeviceChoice.CPU)) {
            assertThat(m.descriptor().cepstralKeep()).isEqualTo(13);
            for (int i = 0; i < plain.size(); i++) {
                Transcript a = m.newTranscriber().transcribe(plain.get(i));
                Transcript b = m.newTranscriber().transcribe(rippled.get(i));
                assertThat(b.text()).isEqualTo(a.text());
                assertThat(difference(a, b)).isCloseTo(0, within(1e-3));
            }
        }
    }

    /**
     * Each frame plus a ripple of cepstral index 30 (of 40 mels) whose sign and size change from
     * frame to frame as a voice's harmonics do (a fixed one would be a colouring, which the
     * utterance mean cancels), up to 2 natural-log units.
     */
    private static float[][] rippled(float[][] frames) {
        float[][] out = new float[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            out[t] = frames[t].clone();
            int mels = out[t].length;
            double size = 2 * Math.cos(0.37 * t);
            for (int m = 0; m < mels; m++) {
                out[t][m] += (float) (size * Math.cos(Math.PI * 30 * (m + 0.5) / mels));
            }
        }
        return out;
    }

    /**
     * Summed absolute difference of the two transcripts' token confidences and attention weights, 1
     * per extra token.
     */
    private static double difference(Transcript a, Transcript b) {
        int n = Math.min(a.tokens().size(), b.tokens().size());
        double sum = Math.abs(a.tokens().size() - b.tokens().size());
        for (int i = 0; i < n; i++) {
            SpeechToken x = a.tokens().get(i);
            SpeechToken y = b.tokens().get(i);
            sum += Math.abs(x.confidence() - y.confidence());
            for (int s = 0; s < Math.min(x.attention().length, y.attention().length); s++) {
                sum += Math.abs(x.attention()[s] - y.attention()[s]);
            }
        }
        return sum;
    }
}
