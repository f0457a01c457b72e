package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.models.ModelDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The committed model fixtures under {@code src/test/resources/fixtures}: their directories, copies
 * to break, and golden comparisons.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Absolute and relative tolerance of golden comparisons. */
    private static final double TOLERANCE = 1e-4;

    private Fixtures() {}

    /** The fixture's model directory on the test classpath. */
    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name + " on the test classpath", e);
        }
    }

    /** A copy of the fixture in {@code parent/name}, to break. */
    static Path copy(String name, Path parent) throws IOException {
        Path copy = parent.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dir(name))) {
            files.forEach(
                    f -> {
                        try {
                            Files.copy(f, copy.resolve(f.getFileName().toString()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return copy;
    }

    /** Reads, edits and writes back a model directory's model.json as a JSON tree. */
    static void editDescriptor(Path modelDir, Consumer<ObjectNode> edit) throws IOException {
        Path file = modelDir.resolve(ModelDescriptor.FILE_NAME);
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(json);
        JSON.writeValue(file.toFile(), json);
    }

    /**
     * Element-wise {@code |actual - expected| <= 1e-4 + 1e-4 * |expected|}, as numpy's allclose.
     */
    static void assertAllClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double bound = TOLERANCE + TOLERANCE * Math.abs(expected[i]);
            assertThat((double) actual[i])
                    .as(what + " [" + i + "]")
                    .isCloseTo(expected[i], within(bound));
        }
    }

    static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
