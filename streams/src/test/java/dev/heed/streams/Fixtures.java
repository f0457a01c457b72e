package dev.heed.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.speech.SpeechModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Shared test fixtures: the shipped forecasting and speech models (each loaded once per JVM),
 * copies of model folders to edit, and reading builders.
 */
public final class Fixtures {
    /** The model Heed ships, trained by {@code heed train forecast}; committed in the repo. */
    public static final Path SHIPPED_MODEL = Path.of("../models/shipped/sensor-default");

    /** The speech model Heed ships, trained by {@code heed train speech}. */
    public static final Path SPEECH_MODEL = Path.of("../models/shipped/speech-digits");

    /** 2024-01-01T00:00:00Z. */
    public static final long T0 = 1_704_067_200_000L;

    private static ForecastModel model;
    private static SpeechModel speech;

    private Fixtures() {}

    public static synchronized ForecastModel model() {
        if (model == null) {
            try {
                model = ModelLoader.load(SHIPPED_MODEL, DeviceChoice.CPU);
            } catch (ModelLoadException e) {
                throw new IllegalStateException(e);
            }
        }
        return model;
    }

    /** The shipped speech model, loaded once per JVM; tests must not close it. */
    public static synchronized SpeechModel speechModel() {
        if (speech == null) {
            try {
                speech = SpeechModel.load(SPEECH_MODEL, DeviceChoice.CPU);
            } catch (ModelLoadException e) {
                throw new IllegalStateException(e);
            }
        }
        return speech;
    }

    /** A copy of the model folder {@code from} at {@code to} (made), to edit or swap in tests. */
    public static Path copyModel(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** Sets {@code field} of the {@code model.json} in {@code dir} to {@code value}. */
    public static void editDescriptor(Path dir, String field, Object value) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode d = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        d.putPOJO(field, value);
        Files.writeString(dir.resolve("model.json"), json.writeValueAsString(d));
    }

    public static byte[] reading(String series, long ts, double value) {
        return utf8("{\"series\":\"" + series + "\",\"ts\":" + ts + ",\"value\":" + value + "}");
    }

    public static byte[] reading(
            String series, long ts, String name, double v, String name2, double v2) {
        return utf8(
                "{\"series\":\""
                        + series
                        + "\",\"ts\":"
                        + ts
                        + ",\"values\":{\""
                        + name
                        + "\":"
                        + v
                        + ",\""
                        + name2
                        + "\":"
                        + v2
                        + "}}");
    }

    /** A smooth daily-like wave with a little structure, so forecasts are not trivial. */
    public static double wave(int i) {
        return 50 + 10 * Math.sin(2 * Math.PI * i / 48.0) + 3 * Math.sin(2 * Math.PI * i / 7.0);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The last value of header {@code key} of an output record, as text. */
    public static String header(TestRecord<byte[], byte[]> r, String key) {
        return header(r.headers(), key);
    }

    /** The last value of header {@code key} in {@code h}, as text. */
    public static String header(Headers h, String key) {
        return new String(h.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
