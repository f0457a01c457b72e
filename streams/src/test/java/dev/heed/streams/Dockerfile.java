package dev.heed.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of a Dockerfile for the deploy consistency test: its instructions, in order. */
record Dockerfile(List<Instruction> instructions) {
    record Instruction(String keyword, String args) {}

    private static final Pattern ENV_PAIR =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : Files.readAllLines(file)) {
            String s = raw.strip();
            if (line.length() == 0 && (s.isEmpty() || s.startsWith("#"))) {
                continue;
            }
            if (s.endsWith("\\")) {
                line.append(s, 0, s.length() - 1).append(' ');
                continue;
            }
            line.append(s);
            String full = line.toString().strip();
            line.setLength(0);
            int sp = full.indexOf(' ');
            out.add(
                    new Instruction(
                            full.substring(0, sp).toUpperCase(), full.substring(sp + 1).strip()));
        }
        return new Dockerfile(out);
    }

    List<String> all(String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::args)
                .toList();
    }

    /** The last stage's base image (the runtime). */
    String runtimeImage() {
        List<String> from = all("FROM");
        return from.get(from.size() - 1).split("\\s+")[0];
    }

    /** Every {@code ENV K=V} pair, quotes removed. */
    Map<String, String> env() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String args : all("ENV")) {
            Matcher m = ENV_PAIR.matcher(args);
            while (m.find()) {
                out.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
            }
        }
        return out;
    }
}
