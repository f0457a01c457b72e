package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.transcription.SpeechFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped speech model's token attention points at the token's own word: strings of the four
 * shipped FSDD test recordings (four speakers, four digits, never heard by the model) in every
 * order, with pauses, word boundaries known. (Strings of one recording repeated would not do: a
 * token's attention may then peak on another copy of the same audio.)
 */
class AttentionPeaksTest {

    private static List<DigitStrings.Utterance> permutations(List<Recording> r, int rate) {
        List<DigitStrings.Utterance> out = new ArrayList<>();
        permute(r, new ArrayList<>(), out, rate);
        return out;
    }

    private static void permute(
            List<Recording> left,
            List<Recording> chosen,
            List<DigitStrings.Utterance> out,
            int rate) {
        if (left.isEmpty()) {
            int pause = rate / 4;
            int total = pause;
            for (Recording c : chosen) {
                total += c.samples().length + pause;
            }
            float[] samples = new float[total];
            List<String> words = new ArrayList<>();
            List<double[]> spans = new ArrayList<>();
            int at = pause;
            for (Recording c : chosen) {
                System.arraycopy(c.samples(), 0, samples, at, c.samples().length);
                words.add(c.label());
                spans.add(
                        new double[] {
                            at / (double) rate, (at + c.samples().length) / (double) rate
                        });
                at += c.samples().length + pause;
            }
            out.add(new DigitStrings.Utterance(samples, words, spans));
            return;
        }
        for (int i = 0; i < left.size(); i++) {
            List<Recording> rest = new ArrayList<>(left);
            Recording next = rest.remove(i);
            List<Recording> more = new ArrayList<>(chosen);
            more.add(next);
            permute(rest, more, out, rate);
        }
    }

    @Test
    void shouldPeakInsideTheTokensOwnWordFarMoreOftenThanAUniformPeak() throws Exception {
        try (SpeechModel m =
                SpeechModel.load(Path.of("../models/shipped/speech-digits"), DeviceChoice.CPU)) {
            FeatureConfig features = SpeechFeatures.of(m.descriptor());
            List<Recording> shipped =
                    FsddCorpus.load(Path.of("../samples/audio"), i -> true, features.sampleRate());
            assertThat(shipped).hasSize(4);
            List<DigitStrings.Utterance> strings = permutations(shipped, features.sampleRate());
            SpeechEvaluation.AttentionPeaks peaks =
                    SpeechEvaluation.attentionPeaks(m.newTranscriber(), features, strings);
            assertThat(peaks.tokens())
                    .as("tokens of strings transcribed word for word")
                    .isGreaterThan(60);
            assertThat(peaks.rate()).isGreaterThan(0.5);
            assertThat(peaks.rate()).isGreaterThan(3 * peaks.uniformRate());
        }
    }
}
