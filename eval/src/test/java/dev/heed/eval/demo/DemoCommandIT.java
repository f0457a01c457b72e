package dev.heed.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.eval.cli.HeedTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code heed demo --for}: the README's first command, run in-process on the embedded broker. */
class DemoCommandIT {

    @Test
    void shouldShowPredictionsWithAttentionAndEndWithTheSummaryLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code =
                    HeedTools.execute(
                            "demo",
                            "--for",
                            "25s",
                            "--rate",
                            "400",
                            "--set",
                            "model.dir=../models/shipped/sensor-default",
                            "--set",
                            "speech.model.dir=../models/shipped/speech-digits");
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        String err = errBuf.toString(StandardCharsets.UTF_8);
        old.println(out);
        oldErr.println(err);
        // what a failure shows: the demo's own lines (not the predictions) and its warnings
        String story =
                out.lines()
                                .filter(
                                        l ->
                                                l.startsWith("heed")
                                                        || l.startsWith("summary")
                                                        || l.startsWith("dead letter"))
                                .collect(Collectors.joining("\n"))
                        + "\n"
                        + err.lines()
                                .filter(
                                        l ->
                                                l.contains("WARN")
                                                        || l.contains("ERROR")
                                                        || l.contains("Exception"))
                                .limit(40)
                                .collect(Collectors.joining("\n"));
        assertThat(code).isZero();
        assertThat(out).contains("embedded Kafka broker at 127.0.0.1:");
        assertThat(out).containsPattern("dashboard at http://127\\.0\\.0\\.1:\\d+/");
        assertThat(out).contains("attention ").contains("top t-");
        assertThat(out)
                .contains("speech model speech-digits")
                .contains("transcript [mic-1 #1]")
                .contains("\"two\"")
                .contains("\"eight\"");
        for (String reason :
                new String[] {"bad_timestamp", "non_finite", "malformed_json", "non_numeric"}) {
            assertThat(out).contains("dead letter [" + reason + "]");
        }
        Matcher m =
                Pattern.compile(
                                "summary: (\\d+) records sent, (\\d+) records in, (\\d+) windows, "
                                        + "(\\d+) predictions \\((\\d+) read back from the topic\\), (\\d+) dead letters")
                        .matcher(out);
        assertThat(m.find()).as("summary line in:%n%s", out).isTrue();
        long sent = Long.parseLong(m.group(1));
        long in = Long.parseLong(m.group(2));
        long windows = Long.parseLong(m.group(3));
        long predictions = Long.parseLong(m.group(4));
        long readBack = Long.parseLong(m.group(5));
        assertThat(in).as("records in vs sent; the demo said:%n%s", story).isEqualTo(sent);
        assertThat(predictions).isEqualTo(windows).isGreaterThan(50);
        assertThat(readBack).isEqualTo(predictions);
        assertThat(Long.parseLong(m.group(6))).isEqualTo(4);
    }
}
