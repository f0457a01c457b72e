package dev.heed.eval.cli;

import dev.heed.eval.nab.SyntheticNab;
import java.nio.file.Path;
import java.util.List;
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
                            + " ambient temperature, latency; on request mention counts, ad prices,"
                            + " road speeds) in NAB's layout: synthNoAnomaly and synthWithAnomaly"
                            + " (planted anomalies, NAB's windows), for heed eval nab --data.")
    static final class Nab implements Callable<Integer> {
        @Spec CommandSpec spec;

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

        @Option(
                names = "--families",
                split = ",",
                paramLabel = "F,...",
                description =
                        "Families to write (default traffic,machine_temp,cpu,demand,ambient,latency;"
                                + " also mentions, adexchange, road).")
        List<String> families;

        @Override
        public Integer call() throws Exception {
            int files;
            try {
                files =
                        families == null
                                ? SyntheticNab.write(out, seed, copies)
                                : SyntheticNab.write(out, seed, copies, families);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            System.out.printf(
                    "heed: wrote %d synthetic series in NAB's layout to %s%n", files, out);
            return 0;
        }
    }
}
