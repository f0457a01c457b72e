package dev.heed.eval.cli;

import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelExport;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code heed export onnx}: writes a forecaster trained by {@code heed train} as an ONNX graph for
 * DJL's ONNX Runtime engine, then loads the result and checks that it forecasts what the original
 * does. The graph is written by {@code models/tools/export_onnx.py} with Debian's {@code
 * python3-torch}, a build-time tool: running the exported model needs no Python.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a forecaster trained by heed train to another format: onnx.",
        subcommands = ExportCommand.Onnx.class)
final class ExportCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "say what to export to: heed export onnx --model DIR --out DIR");
    }

    /** {@code heed export onnx}. */
    @Command(
            name = "onnx",
            mixinStandardHelpOptions = true,
            description =
                    "Export a forecaster trained by heed train to ONNX (needs python3-torch).")
    static final class Onnx implements Callable<Integer> {
        @Option(
                names = "--model",
                required = true,
                paramLabel = "DIR",
                description = "A model directory written by heed train (format djl).")
        Path model;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "DIR",
                description = "Where to write model.onnx and model.json.")
        Path out;

        @Option(
                names = "--python",
                defaultValue = "/usr/bin/python3",
                paramLabel = "FILE",
                description =
                        "A Python with torch (default: ${DEFAULT-VALUE}, Debian's python3-torch).")
        String python;

        @Override
        public Integer call() throws Exception {
            Path script = script();
            Path npz = Files.createTempFile("heed-export-", ".npz");
            try {
                int n = ModelExport.weightsToNpz(model, npz);
                String command = "heed export onnx --model " + model + " --out " + out;
                Process p =
                        new ProcessBuilder(
                                        List.of(
                                                python,
                                                script.toString(),
                                                "--npz",
                                                npz.toString(),
                                                "--descriptor",
                                                model.resolve("model.json").toString(),
                                                "--out",
                                                out.toString(),
                                                "--command",
                                                command))
                                .inheritIO()
                                .start();
                int code = p.waitFor();
                if (code != 0) {
                    throw new HeedStreamsException(
                            "the exporter "
                                    + script
                                    + " failed (exit "
                                    + code
                                    + ");"
                                    + " it needs "
                                    + python
                                    + " with torch: on Debian, apt-get install python3-torch");
                }
                System.out.printf(
                        "heed export: %d parameters of %s exported to %s%n", n, model, out);
            } catch (IOException e) {
                throw new HeedStreamsException(
                        "cannot run "
                                + python
                                + " "
                                + script
                                + ": "
                                + e.getMessage()
                                + "; install Debian's python3-torch or pass --python",
                        e);
            } finally {
                Files.deleteIfExists(npz);
            }
            try (ForecastModel a = ModelLoader.load(model, DeviceChoice.CPU);
                    ForecastModel b = ModelLoader.load(out, DeviceChoice.CPU)) {
                ModelExport.Agreement g = ModelExport.agreement(a, b, 256, 42);
                System.out.printf(
                        Locale.ROOT,
                        "heed export: on %d synthetic windows the exported model's"
                                + " predictions differ by at most %.3g (largest value %.3g) and its step weights"
                                + " by %.3g: %s%n",
                        g.windows(),
                        g.maxPredictionDiff(),
                        g.maxPredictionSize(),
                        g.maxWeightDiff(),
                        g.withinRounding()
                                ? "the same up to float rounding"
                                : "NOT the same model: do not use it");
                return g.withinRounding() ? 0 : 1;
            }
        }

        private static Path script() {
            Path home = Path.of(System.getProperty("heed.home", "."));
            for (Path p :
                    List.of(
                            home.resolve("models/tools/export_onnx.py"),
                            Path.of("models/tools/export_onnx.py"),
                            Path.of("../models/tools/export_onnx.py"))) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            throw new HeedStreamsException(
                    "models/tools/export_onnx.py not found under "
                            + home
                            + " (heed.home); run heed from its checkout");
        }
    }
}
