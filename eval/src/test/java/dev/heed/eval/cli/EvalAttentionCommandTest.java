package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heed eval attention} on a user's task file, and a clear answer for a bad one. */
class EvalAttentionCommandTest {

    @TempDir Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = HeedTools.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {
            Integer.toString(code),
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)
        };
    }

    @Test
    void shouldScoreAUsersWhiteBoxTask() throws Exception {
        Path task = dir.resolve("mine.json");
        Files.writeString(
                task,
                "{\"name\": \"mine\", \"kind\": \"white_box\", \"window\": 32, \"horizon\": 2,"
                        + " \"seed\": 3, \"terms\": [{\"lags\": [5], \"weight\": 2.0},"
                        + " {\"lags\": [20, 21], \"weight\": -1.0}]}");
        String[] r = run("eval", "attention", "--task", task.toString(), "--windows", "32");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("task mine (white_box; window 32, horizon 2; seed 3)");
        assertThat(r[1]).containsPattern("(?m)^relevance +1\\.000 +1\\.000 +1\\.000");
    }

    @Test
    void shouldSayWhatIsWrongWithABadTaskFile() throws Exception {
        Path task = dir.resolve("bad.json");
        Files.writeString(
                task,
                "{\"name\": \"bad\", \"kind\": \"lags\", \"window\": 32, \"horizon\": 4,"
                        + " \"lags\": [{\"lag\": 2, \"weight\": 0.5}]}");
        String[] r = run("eval", "attention", "--task", task.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2])
                .contains("bad.json")
                .contains("each lag must be in horizon..32")
                .contains("2");
    }
}
