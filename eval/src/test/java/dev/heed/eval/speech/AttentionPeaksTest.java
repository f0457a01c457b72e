package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.transcription.SpeechFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped speech model's token attention points at the token's own word: strings of the four
 * words of the shipped test recording {@code digits_2048_lucas.wav} (four FSDD test-split clips of
 * one speaker joined with digital silence, never heard by the model; cut apart at that silence) in
 * every order, with pauses, word boundaries known. (Strings of one recording repeated would not do:
 * a token's attention may then peak on another copy of the same audio. Strings of several voices
 * would not either: the shipped model, trained with babble, takes a second voice in an utterance
 * for background; the README reports that case.)
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

    /** The four words of the shipped lucas string, cut at its runs of digital silence. */
    private static List<Recording> words(int rate) throws IOException {
        Path file = Path.of("../samples/audio/digits_2048_lucas.wav");
        WavFile wav = WavFile.read(file);
        float[] x = Resampler.resample(wav.samples(), wav.sampleRate(), rate);
        String[] labels = {"two", "zero", "four", "eight"};
        List<Recording> out = new ArrayList<>();
        int i = 0;
        while (i < x.length && out.size() < labels.length) {
            while (i < x.length && x[i] == 0f) {
                i++;
            }
            int start = i;
            int zeros = 0;
            while (i < x.length && zeros < rate / 20) {
                zeros = x[i] == 0f ? zeros + 1 : 0;
                i++;
            }
            int end = i - zeros;
            if (end > start) {
                float[] clip = Arrays.copyOfRange(x, start, end);
                out.add(new Recording(file, labels[out.size()], "lucas", out.size(), clip));
            }
        }
        return out;
    }

    @Test
    void shouldPeakInsideTheTokensOwnWordFarMoreOftenThanAUniformPeak() throws Exception {
        try (SpeechModel m =
                SpeechModel.load(Path.of("../models/shipped/speech-digits"), DeviceChoice.CPU)) {
            FeatureConfig features = SpeechFeatures.of(m.descriptor());
            List<Recording> shipped = words(features.sampleRate());
            assertThat(shipped)
                    .extracting(Recording::label)
                    .containsExactly("two", "zero", "four", "eight");
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
