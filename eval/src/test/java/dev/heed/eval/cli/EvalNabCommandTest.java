package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.eval.nab.NabFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heed eval nab} on a one-file corpus: result files and what raised each alarm. */
class EvalNabCommandTest {
    @TempDir Path dir;

    @Test
    void shouldWriteEveryAnomalyRecordBesideTheResultFiles() throws Exception {
        // a sawtooth between 0 and 9, and one reading far outside it
        int spike = 450;
        Path nab =
                new NabFixtures(dir.resolve("nab"))
                        .file("x/spike.csv", 520, new int[] {440, 460})
                        .value("x/spike.csv", spike, 90.0)
                        .write();
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
                            assertThat(a.get("ts_ms").asLong())
                                    .isEqualTo(
                                            NabFixtures.time(spike)
                                                    .toInstant(ZoneOffset.UTC)
                                                    .toEpochMilli());
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
