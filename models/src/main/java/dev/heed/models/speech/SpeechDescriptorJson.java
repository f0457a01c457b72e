package dev.heed.models.speech;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads, validates and writes a {@link SpeechDescriptor} and its vocabulary file. */
final class SpeechDescriptorJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SpeechDescriptorJson() {}

    public static SpeechDescriptor read(Path dir) throws ModelLoadException {
        Path file = dir.resolve(ModelDescriptor.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(
                    "no "
                            + ModelDescriptor.FILE_NAME
                            + " in "
                            + dir
                            + " (expected a speech model directory)");
        }
        try {
            return validate(MAPPER.readValue(file.toFile(), SpeechDescriptor.class));
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (HeedModelException e) {
            throw new ModelLoadException(e.getMessage() + " (in " + file + ")", e);
        }
    }

    public static void write(SpeechDescriptor d, Path dir) throws IOException {
        validate(d);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), toJson(d) + "\n");
    }

    public static String toJson(SpeechDescriptor d) {
        try {
            return MAPPER.writeValueAsString(d);
        } catch (IOException e) {
            throw new HeedModelException("cannot write speech descriptor: " + e.getMessage(), e);
        }
    }

    /** Checks the fields a loader relies on; the message starts with {@code model.json:}. */
    static SpeechDescriptor validate(SpeechDescriptor d) {
        need(
                SpeechDescriptor.TASK.equals(d.task()),
                "task must be "
                        + SpeechDescriptor.TASK
                        + ": "
                        + d.task()
                        + " (is this a speech model directory? forecasters load with ModelLoader)");
        need(d.format() != null, "format is missing (djl, torchscript or onnx)");
        need(d.features() != null, "features are missing");
        SpeechDescriptor.Features f = d.features();
        need(
                SpeechDescriptor.Features.LOG_MEL.equals(f.kind()),
                "features.kind must be " + SpeechDescriptor.Features.LOG_MEL + ": " + f.kind());
        need(
                f.sampleRate() > 0 && f.hop() > 0 && f.mels() > 0 && f.frameLength() > 0,
                "features need sample_rate, frame_length, hop and mels > 0: " + f);
        need(d.subsampling() > 0, "subsampling must be > 0: " + d.subsampling());
        need(
                d.minRepeatGap() >= 0 && d.minRepeatGap() < 10,
                "min_repeat_gap must be seconds from 0 to 10: " + d.minRepeatGap());
        need(
                d.blankPenalty() >= 0 && d.blankPenalty() < 10,
                "blank_penalty must be natural-log units from 0 to 10: " + d.blankPenalty());
        need(
                d.cepstralKeep() >= 0 && d.cepstralKeep() <= f.mels(),
                "cepstral_keep must be from 0 (none) to features.mels ("
                        + f.mels()
                        + "): "
                        + d.cepstralKeep());
        need(
                !(d.streamMean() && d.utteranceMean()),
                "stream_mean and utterance_mean are both true; set one (stream_mean already"
                        + " subtracts the utterance's own mean while its stream has no history)");
        StreamPrior prior = d.streamPrior();
        need(
                prior.isNone() || d.streamMean(),
                "stream_prior is set but stream_mean is false; set stream_mean or drop the prior");
        need(
                prior.frames() >= 0 && (prior.frames() == 0 || prior.mean().size() == f.mels()),
                "stream_prior needs frames >= 0 and one mean per mel ("
                        + f.mels()
                        + "): frames "
                        + prior.frames()
                        + ", "
                        + prior.mean().size()
                        + " means");
        need(d.vocabulary() != null, "vocabulary (the vocabulary file name) is missing");
        need(d.weights() != null, "weights (the weights file name) is missing");
        int mean = d.normalization().mean().size();
        int std = d.normalization().std().size();
        need(
                d.normalization().isEmpty() || (mean == f.mels() && std == mean),
                "normalization needs "
                        + f.mels()
                        + " means and stds (one per mel), got "
                        + mean
                        + " and "
                        + d.normalization().std().size());
        if ("djl".equals(d.format())) {
            need(d.architecture() != null, "architecture is missing for format djl");
        }
        return d;
    }

    /** The vocabulary file's non-empty lines, blank first; at least two tokens. */
    public static List<String> readVocabulary(Path dir, SpeechDescriptor d)
            throws ModelLoadException {
        Path file = dir.resolve(d.vocabulary());
        List<String> tokens = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    tokens.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new ModelLoadException(
                    "cannot read the vocabulary file "
                            + file
                            + " (named by model.json's \"vocabulary\"): "
                            + e.getMessage(),
                    e);
        }
        if (tokens.size() < 2) {
            throw new ModelLoadException(
                    "vocabulary "
                            + file
                            + " must hold the blank and at least one"
                            + " token, one per line; it has "
                            + tokens.size());
        }
        return tokens;
    }

    private static void need(boolean ok, String message) {
        if (!ok) {
            throw new HeedModelException("model.json: " + message);
        }
    }
}
