package dev.heed.eval.cli;

import dev.heed.audio.FeatureConfig;
import dev.heed.eval.speech.Babble;
import dev.heed.eval.speech.DigitStrings;
import dev.heed.eval.speech.Noise;
import dev.heed.eval.speech.Recording;
import dev.heed.eval.speech.SpeechEvaluation;
import dev.heed.models.speech.SpeechModel;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The lines {@code heed eval speech} prints for the model heard through babble and noise. */
final class NoiseReport {

    /**
     * @param babbleSnr babble levels ({@code --babble-snr})
     * @param noise noise kinds ({@code --noise})
     * @param noiseSnr their levels ({@code --noise-snr})
     */
    record Levels(List<Double> babbleSnr, List<String> noise, List<Double> noiseSnr) {}

    private NoiseReport() {}

    /** Isolated accuracy and string WER through babble, then through each noise, at each level. */
    static void print(
            PrintStream out,
            SpeechModel m,
            FeatureConfig features,
            List<Recording> isolated,
            List<DigitStrings.Utterance> joined,
            Levels levels,
            long seed)
            throws IOException {
        for (double snr : levels.babbleSnr()) {
            SpeechEvaluation.Result r =
                    Babble.score(
                            SpeechEvaluation.heed(m.newTranscriber(), features),
                            isolated,
                            joined,
                            features.sampleRate(),
                            snr,
                            seed);
            out.printf(
                    Locale.ROOT,
                    "  babble at %4.1f dB SNR: isolated-digit accuracy %6.2f%%, digit-string"
                            + " WER %6.2f%%%n",
                    snr,
                    100 * r.accuracy(),
                    100 * r.wer());
        }
        for (String kind : levels.noise()) {
            List<float[]> sources = Noise.sources(kind, features.sampleRate(), seed);
            for (double snr : levels.noiseSnr()) {
                SpeechEvaluation.Result r =
                        SpeechEvaluation.run(
                                Noise.noisy(
                                        SpeechEvaluation.heed(m.newTranscriber(), features),
                                        sources,
                                        snr,
                                        seed),
                                isolated,
                                joined,
                                features.sampleRate());
                out.printf(
                        Locale.ROOT,
                        "  noise %s at %4.1f dB SNR: isolated-digit accuracy %6.2f%%,"
                                + " digit-string WER %6.2f%%%n",
                        kind,
                        snr,
                        100 * r.accuracy(),
                        100 * r.wer());
            }
        }
    }
}
