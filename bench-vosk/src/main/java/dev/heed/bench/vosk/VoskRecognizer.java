package dev.heed.bench.vosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.audio.Pcm16;
import dev.heed.audio.Resampler;
import dev.heed.eval.speech.Recognizer;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Vosk 0.3.45 with its small English model ({@code com.alphacephei:vosk-model-en:0.3.45}), on audio
 * resampled to 16 kHz, one recogniser per utterance, its full vocabulary. "oh" is read as "zero",
 * as a person reading digits would.
 */
public class VoskRecognizer implements Recognizer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE = 16000;

    private final Model model;
    private final String grammar;
    private final String name;

    public VoskRecognizer() {
        this("vosk", null);
    }

    protected VoskRecognizer(String name, String grammar) {
        this.name = name;
        this.grammar = grammar;
        String dir = System.getProperty("heed.vosk.model", "");
        if (dir.isEmpty() || !Files.isDirectory(Path.of(dir))) {
            throw new HeedStreamsException(
                    "Vosk model folder not found: '"
                            + dir
                            + "'; run through"
                            + " bench-vosk/heed-vosk after mvn -B -Pvosk -DskipTests package");
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            model = new Model(dir);
        } catch (IOException e) {
            throw new HeedStreamsException("cannot load the Vosk model in " + dir + ": " + e, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Vosk 0.3.45, model vosk-model-en 0.3.45 (small en-us), 16 kHz"
                + (grammar == null ? ", full vocabulary" : ", grammar: the ten digit words");
    }

    @Override
    public String recognize(float[] samples, int sampleRate) {
        byte[] pcm = Pcm16.encodeMono(Resampler.resample(samples, sampleRate, RATE));
        try (org.vosk.Recognizer r =
                grammar == null
                        ? new org.vosk.Recognizer(model, RATE)
                        : new org.vosk.Recognizer(model, RATE, grammar)) {
            r.acceptWaveForm(pcm, pcm.length);
            String text = JSON.readTree(r.getFinalResult()).path("text").asText("");
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                    .filter(w -> !w.isBlank() && !w.equals("[unk]"))
                    .map(w -> w.equals("oh") ? "zero" : w)
                    .collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new HeedStreamsException("Vosk failed: " + e, e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
