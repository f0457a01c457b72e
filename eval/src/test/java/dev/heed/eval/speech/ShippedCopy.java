package dev.heed.eval.speech;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A copy of the shipped speech model with some {@code model.json} settings changed, for tests. */
final class ShippedCopy {

    static final Path SHIPPED = Path.of("../models/shipped/speech-digits");

    /** A value of {@link #with} that removes its setting from model.json. */
    static final Object ABSENT = new Object();

    private ShippedCopy() {}

    /**
     * The shipped model copied to {@code dir} with {@code settings} (boolean or int, or {@link
     * #ABSENT} to remove one) in model.json.
     */
    static Path with(Path dir, Map<String, Object> settings) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode d = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (e.getValue() == ABSENT) {
                d.remove(e.getKey());
            } else if (e.getValue() instanceof Boolean b) {
                d.put(e.getKey(), b);
            } else {
                d.put(e.getKey(), ((Number) e.getValue()).intValue());
            }
        }
        json.writeValue(dir.resolve("model.json").toFile(), d);
        return dir;
    }
}
