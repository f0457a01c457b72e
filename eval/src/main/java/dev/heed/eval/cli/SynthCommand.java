package dev.heed.eval.cli;

import dev.heed.eval.nab.SyntheticNab;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heed synth nab}: a synthetic corpus in NAB's layout, to choose settings on. */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = "Write synthetic data: nab (long series in NAB's layout).",
        subcommands = {SynthCommand.Nab.class})
final class SynthCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "say what to write: heed synth nab (--help)");
    }

    @Command(
            name = "nab",
            mixinStandardHelpOptions = true,
            description =
                    "Write long synthetic series (web traffic, machine temperature, CPU, demand,"
                            + " ambient temperature, latency) in NAB's layout: synthNoAnomaly and"
                            + " synthWithAnomaly (planted anomalies, NAB's windows), for heed eval nab --data.")
    static final class Nab implements Callable<Integer> {
        @Option(
                names = "--out",
                required = true,
                paramLabel = "DIR",
                description = "Where to write.")
        Path out;

        @Option(
                names = "--seed",
                defaultValue = "1",
                description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--copies",
                defaultValue = "2",
                description = "Series per family and category (default ${DEFAULT-VALUE}).")
        int copies;

        @Override
        public Integer call() throws Exception {
            int files = SyntheticNab.write(out, seed, copies);
            System.out.printf(
                    "heed: wrote %d synthetic series in NAB's layout to %s%n", files, out);
            return 0;
        }
    }
}
