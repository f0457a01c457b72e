package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed export onnx} on the shipped model: it needs Debian's {@code python3-torch}, which
 * {@code .ci/run} installs; without it this test is skipped (the shipped export is still checked by
 * {@code ShippedOnnxModelTest}).
 */
class ExportCommandTest {
    @TempDir Path out;

    @Test
    void shouldExportTheShippedModelToOnnxThatForecastsTheSame() throws Exception {
        assumeTrue(
                torchAvailable(), "/usr/bin/python3 with torch (Debian python3-torch) is missing");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code =
                    HeedTools.execute(
                            "export",
                            "onnx",
                            "--model",
                            "../models/shipped/sensor-default",
                            "--out",
                            out.toString());
        } finally {
            System.setOut(old);
        }
        String said = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isZero();
        assertThat(said).contains("37 parameters").contains("the same up to float rounding");
        JsonNode d = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        assertThat(d.path("format").asText()).isEqualTo("onnx");
        assertThat(d.path("name").asText()).isEqualTo("sensor-default-onnx");
        assertThat(d.path("export").path("command").asText())
                .isEqualTo(
                        "heed export onnx --model ../models/shipped/sensor-default --out " + out);
    }

    @Test
    void shouldRefuseAModelThatHeedDidNotTrain() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code =
                    HeedTools.execute(
                            "export",
                            "onnx",
                            "--model",
                            "../models/shipped/sensor-default-onnx",
                            "--out",
                            out.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("has format 'onnx'")
                .contains("only models in Heed's own format");
    }

    private static boolean torchAvailable() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
