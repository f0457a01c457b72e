package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heed eval nab} on a one-file corpus: result files and what raised each alarm. */
class EvalNabCommandTest {
    @TempDir Path dir;

    @Test
    void shouldWriteEveryAnomalyRecordBesideTheResultFiles() throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime t0 = LocalDateTime.of(2014, 4, 1, 0, 0);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 520; i++) {
            // a sawtooth between 0 and 9, and one reading far outside it
            double v = i == 450 ? 90.0 : i % 7 * 1.5;
            csv.append(f.format(t0.plusMinutes(5L * i))).append(',').append(v).append('\n');
        }
        Path nab = dir.resolve("nab");
        Files.createDirectories(nab.resolve("data/x"));
        Files.writeString(nab.resolve("data/x/spike.csv"), csv);
        Files.createDirectories(nab.resolve("labels"));
        Files.writeString(
                nab.resolve("labels/combined_windows.json"),
                "{\"x/spike.csv\": [[\"2014-04-02 12:40:00.000000\","
                        + " \"2014-04-02 14:20:00.000000\"]]}");
        Path out = dir.resolve("out");

        int code =
                run(
                        "eval",
                        "nab",
                        "--data",
                        nab.toString(),
                        "--model",
                        "../models/shipped/sensor-default",
                        "--out",
                        out.toString());

        assertThat(code).isZero();
        assertThat(out.resolve("heed/x/heed_spike.csv")).exists();
        List<String> lines = Files.readAllLines(out.resolve("heed/anomalies.jsonl"));
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        assertThat(lines)
                .anySatisfy(
                        l -> {
                            JsonNode a = json.readTree(l);
                            assertThat(a.get("series").asText()).isEqualTo("x/spike.csv");
                            assertThat(a.get("ts").asText()).isEqualTo("2014-04-02T13:30:00Z");
                            assertThat(a.get("range_break").asBoolean()).isTrue();
                        });
    }

    private static int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return HeedTools.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
