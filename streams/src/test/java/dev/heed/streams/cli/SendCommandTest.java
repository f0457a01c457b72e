package dev.heed.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code heed send} answers a file that is not there with what to give, before any broker. */
class SendCommandTest {

    @Test
    void shouldSayWhichFileIsMissingAndWhatToGive() {
        String err = run("send", "sensors", "no-such-readings.csv");
        assertThat(err).contains("heed send sensors: no file at", "no-such-readings.csv", "CSV");
        assertThat(err).doesNotContain("Exception");
        String audio = run("send", "audio", "no-such-talk.wav");
        assertThat(audio).contains("heed send audio: no file at", "no-such-talk.wav", "WAV");
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
