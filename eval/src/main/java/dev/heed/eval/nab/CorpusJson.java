package dev.heed.eval.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads NAB's {@code labels/combined_windows.json} and {@code config/profiles.json}. */
final class CorpusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusJson() {}

    /** File name to its [start, end] windows, in the file's order. */
    static Map<String, List<LocalDateTime[]>> windows(Path file) throws IOException {
        JsonNode root = tree(file, "labels/combined_windows.json");
        if (!root.isObject()) {
            throw new HeedStreamsException(
                    file
                            + " must be a JSON object mapping"
                            + " \"<category>/<file>.csv\" to a list of [start, end] windows");
        }
        Map<String, List<LocalDateTime[]>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey();
            if (!e.getValue().isArray()) {
                throw new HeedStreamsException(
                        file
                                + ": "
                                + name
                                + " must map to a list of [start, end]"
                                + " windows, [] for none: "
                                + e.getValue());
            }
            List<LocalDateTime[]> limits = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                if (!w.isArray() || w.size() != 2) {
                    throw new HeedStreamsException(
                            file
                                    + ": window "
                                    + w
                                    + " of "
                                    + name
                                    + " must be a pair [start, end]");
                }
                LocalDateTime start = time(file, name, w.get(0));
                LocalDateTime end = time(file, name, w.get(1));
                if (end.isBefore(start)) {
                    throw new HeedStreamsException(
                            file
                                    + ": window "
                                    + w
                                    + " of "
                                    + name
                                    + " ends before it starts; swap or fix its timestamps");
                }
                limits.add(new LocalDateTime[] {start, end});
            }
            out.put(name, limits);
        }
        return out;
    }

    /** The profiles in the file's order; each needs a CostMatrix with tp, fp and fn weights. */
    static List<NabProfile> profiles(Path file) throws IOException {
        JsonNode root = tree(file, "config/profiles.json");
        List<NabProfile> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode m = e.getValue().path("CostMatrix");
            if (!m.isObject()) {
                throw new HeedStreamsException(
                        file
                                + ": profile "
                                + e.getKey()
                                + " has no CostMatrix object; expected {\"CostMatrix\": {\"tpWeight\": 1.0, ...}}");
            }
            out.add(
                    new NabProfile(
                            e.getKey(),
                            weight(file, e.getKey(), m, "tpWeight", true),
                            weight(file, e.getKey(), m, "fpWeight", true),
                            weight(file, e.getKey(), m, "fnWeight", true),
                            weight(file, e.getKey(), m, "tnWeight", false)));
        }
        if (out.isEmpty()) {
            throw new HeedStreamsException(
                    file
                            + " defines no profiles; NAB's has standard,"
                            + " reward_low_FP_rate and reward_low_FN_rate");
        }
        return out;
    }

    private static JsonNode tree(Path file, String role) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new HeedStreamsException(
                    "no "
                            + role
                            + " at "
                            + file
                            + "; a NAB folder holds data/, labels/combined_windows.json and config/profiles.json");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new HeedStreamsException(
                    file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static LocalDateTime time(Path file, String name, JsonNode t) {
        return NabTime.parse(t.asText())
                .orElseThrow(
                        () ->
                                new HeedStreamsException(
                                        file
                                                + ": window timestamp "
                                                + t
                                                + " of "
                                                + name
                                                + " is not of the form \"2013-12-10 06:25:00.000000\""));
    }

    private static double weight(
            Path file, String profile, JsonNode m, String key, boolean required) {
        JsonNode w = m.get(key);
        if (w == null && !required) {
            return 0;
        }
        if (w == null || !w.isNumber()) {
            throw new HeedStreamsException(
                    file
                            + ": profile "
                            + profile
                            + " needs a number "
                            + key
                            + " in its CostMatrix: "
                            + w);
        }
        return w.asDouble();
    }
}
