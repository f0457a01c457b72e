package dev.heed.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.audio.FeatureConfig;
import dev.heed.eval.speech.DigitStrings;
import dev.heed.eval.speech.Recording;
import dev.heed.eval.speech.SpeechEvaluation;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lines {@code heed eval speech} prints for a recogniser's figures and for the model. */
final class SpeechReport {

    private SpeechReport() {}

    /** One recogniser's figures, its isolated errors and its wrong strings. */
    static void result(PrintStream out, String name, SpeechEvaluation.Result r) {
        out.printf(Locale.ROOT, "%s%n", name);
        for (Map.Entry<String, int[]> e : r.correctBySpeaker().entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "  isolated digits, %-10s %4d/%-4d %6.2f%%%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    100.0 * e.getValue()[0] / e.getValue()[1]);
        }
        out.printf(Locale.ROOT, "  isolated-digit accuracy        %6.2f%%%n", 100 * r.accuracy());
        out.printf(
                Locale.ROOT,
                "  digit-string WER               %6.2f%% (%d errors / %d words: %d substituted,"
                        + " %d dropped, %d inserted)%n",
                100 * r.wer(),
                r.wordErrors(),
                r.words(),
                r.errorKinds()[0],
                r.errorKinds()[1],
                r.errorKinds()[2]);
        out.printf(
                Locale.ROOT,
                "  real-time factor (one core)    %.4f (%.1f s for %.1f s of audio)%n",
                r.realTimeFactor(),
                r.processingSeconds(),
                r.audioSeconds());
        for (String c : r.confusions()) {
            out.println("    error: " + c);
        }
        for (String c : r.stringConfusions()) {
            out.println("    string error: " + c);
        }
    }

    /**
     * Every recording and string of {@code r} as heard, one JSON object a line: kind, item,
     * speaker, reference, heard, and the word errors (substituted, dropped, inserted).
     */
    static void transcripts(Path file, SpeechEvaluation.Result r) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SpeechEvaluation.Heard h : r.heard()) {
                ObjectNode o = json.createObjectNode();
                o.put("kind", h.kind());
                o.put("item", h.item());
                o.put("speaker", h.speaker());
                o.put("reference", String.join(" ", h.reference()));
                o.put("heard", h.hypothesis());
                o.put("substituted", h.errors()[0]);
                o.put("dropped", h.errors()[1]);
                o.put("inserted", h.errors()[2]);
                w.write(json.writeValueAsString(o));
                w.newLine();
            }
        }
    }

    /** The model's architecture and the command that trained it, when known. */
    static void model(PrintStream out, SpeechDescriptor d) {
        SpeechDescriptor.Architecture a = d.architecture();
        if (a != null) {
            out.printf(
                    Locale.ROOT,
                    "  model %s version %s: %s, conv %d ch, d_model %d, %d heads, %d"
                            + " layers, ff %d%n",
                    d.name(),
                    d.version(),
                    a.type(),
                    a.convChannels(),
                    a.dModel(),
                    a.heads(),
                    a.layers(),
                    a.ffDim());
        }
        if (d.training() != null) {
            out.printf(
                    Locale.ROOT,
                    "  trained %.1f min: %s%n",
                    d.training().seconds() / 60,
                    d.training().command());
        }
    }

    /**
     * For a {@code stream_mean} model: the figures of every utterance heard first on its stream
     * (nothing before it to learn from); nothing for other models.
     */
    static void firstOfStream(
            PrintStream out,
            SpeechModel m,
            FeatureConfig features,
            List<Recording> isolated,
            List<DigitStrings.Utterance> joined) {
        if (!m.descriptor().streamMean()) {
            return;
        }
        SpeechEvaluation.Result first =
                SpeechEvaluation.run(
                        SpeechEvaluation.heedFirst(m.newTranscriber(), features),
                        isolated,
                        joined,
                        features.sampleRate());
        out.printf(
                Locale.ROOT,
                "  each the first of its stream   isolated %6.2f%%, digit-string WER %6.2f%%"
                        + " (stream_mean: no earlier utterance to learn from)%n",
                100 * first.accuracy(),
                100 * first.wer());
    }

    /**
     * The hard cases: where the attention of strings peaks, isolated digits without their padding,
     * and strings whose words come from several speakers.
     */
    static void hardCases(
            PrintStream out,
            SpeechModel m,
            FeatureConfig features,
            List<Recording> isolated,
            int strings,
            List<DigitStrings.Utterance> joined,
            long seed) {
        SpeechEvaluation.AttentionPeaks peaks =
                SpeechEvaluation.attentionPeaks(m.newTranscriber(), features, joined);
        out.printf(
                Locale.ROOT,
                "  attention: %d of %d tokens (%.1f%%) peak inside their own word's audio"
                        + " (a uniformly placed peak: %.1f%%); strings transcribed with as"
                        + " many tokens as words%n",
                peaks.inOwnWord(),
                peaks.tokens(),
                100 * peaks.rate(),
                100 * peaks.uniformRate());
        int[] bare =
                SpeechEvaluation.unpadded(
                        SpeechEvaluation.heed(m.newTranscriber(), features), isolated);
        out.printf(
                Locale.ROOT,
                "  isolated digits, no padding    %d/%d %6.2f%%%n",
                bare[0],
                bare[1],
                100.0 * bare[0] / Math.max(1, bare[1]));
        SpeechEvaluation.Result mixed =
                SpeechEvaluation.run(
                        SpeechEvaluation.heed(m.newTranscriber(), features),
                        List.of(),
                        SpeechEvaluation.mixedStrings(
                                isolated, features.sampleRate(), strings, seed),
                        features.sampleRate());
        out.printf(
                Locale.ROOT,
                "  strings of several speakers    WER %.2f%% (%d errors / %d words)%n",
                100 * mixed.wer(),
                mixed.wordErrors(),
                mixed.words());
    }
}
