package dev.heed.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heed send} answers a file that is not there with what to give, before any broker. */
class SendCommandTest {

    @Test
    void shouldSayWhichFileIsMissingAndWhatToGive() {
        String err = run("send", "sensors", "no-such-readings.csv");
        assertThat(err).contains("heed: send sensors: no file at", "no-such-readings.csv", "CSV");
        assertThat(err).doesNotContain("Exception");
        String audio = run("send", "audio", "no-such-talk.wav");
        assertThat(audio).contains("heed: send audio: no file at", "no-such-talk.wav", "WAV");
    }

    @Test
    void shouldNameTheColumnAndTheValueThatIsNotANumber(@TempDir Path tmp) throws Exception {
        String err =
                sendCsv(
                        tmp.resolve("bad.csv"),
                        "timestamp,temp\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,warm\n");
        assertThat(err).contains("bad.csv line 3: column 'temp' holds 'warm', not a number");
    }

    @Test
    void shouldSayNothingWasSentWhenTheFileHoldsOnlyAHeader(@TempDir Path tmp) throws Exception {
        String err = sendCsv(tmp.resolve("empty.csv"), "timestamp,temp\n");
        assertThat(err).contains("empty.csv holds no readings under its header; nothing was sent");
    }

    /** {@code heed send sensors} of a file holding {@code content}, to no broker; its stderr. */
    private static String sendCsv(Path csv, String content) throws Exception {
        Files.writeString(csv, content);
        return run("send", "sensors", csv.toString(), "--bootstrap-servers", "127.0.0.1:1");
    }

    private static String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(HeedCli.execute(args)).as("exit code").isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
