package dev.heed.eval.cli;

import dev.heed.eval.bench.AudioBench;
import dev.heed.eval.bench.SensorBench;
import dev.heed.models.AttentionMethod;
import dev.heed.streams.Durations;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.cli.ConfigOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heed bench sensors|audio}: end-to-end benchmarks through a real broker. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "End-to-end benchmarks through a real broker; prints tables.",
        subcommands = {BenchCommand.Sensors.class, BenchCommand.Audio.class})
final class BenchCommand {

    @Command(
            name = "sensors",
            mixinStandardHelpOptions = true,
            description = "Sensor path: Heed vs the per-record baseline, latency, memory, FLOP %%.")
    static final class Sensors implements Callable<Integer> {
        @Mixin ConfigOptions options;
        @Spec CommandSpec spec;

        @Option(
                names = "--series",
                split = ",",
                paramLabel = "N[,N...]",
                description = "Series counts (default: ${DEFAULT-VALUE}).",
                defaultValue = "10,1000,100000")
        List<Integer> series;

        @Option(
                names = "--rates",
                split = ",",
                paramLabel = "R[,R...]",
                description =
                        "Offered readings/s; max = closed loop, at most 2,000 readings "
                                + "unprocessed (default: ${DEFAULT-VALUE}).",
                defaultValue = "2000,max")
        List<String> rates;

        @Option(
                names = "--warmup",
                paramLabel = "DURATION",
                defaultValue = "8s",
                description = "Unmeasured lead-in of each run (default: ${DEFAULT-VALUE}).")
        String warmup;

        @Option(
                names = "--duration",
                paramLabel = "DURATION",
                defaultValue = "15s",
                description = "Measured interval of each run (default: ${DEFAULT-VALUE}).")
        String duration;

        @Option(
                names = "--fill-limit",
                paramLabel = "DURATION",
                defaultValue = "30s",
                description =
                        "Longest fill of every series' first window before each run's clock "
                                + "starts; 100,000 series need ~5m (default: ${DEFAULT-VALUE}).")
        String fillLimit;

        @Option(
                names = "--repeat",
                defaultValue = "1",
                description = "Repeat every run; tables show medians (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Option(
                names = "--batches",
                split = ",",
                defaultValue = "1,8,32,64,128,256",
                description =
                        "Batch sizes of the forecaster-alone sweep (default: ${DEFAULT-VALUE}).")
        List<Integer> batches;

        @Option(
                names = "--matmul",
                defaultValue = "1024",
                description =
                        "n of the n x n matrix product that sets the ceiling "
                                + "(default: ${DEFAULT-VALUE}).")
        int matmul;

        @Option(names = "--markdown", description = "Print the tables as Markdown.")
        boolean markdown;

        @Option(names = "--keep-data", description = "Keep the broker and state folders.")
        boolean keepData;

        @Option(
                names = "--readings-per-record",
                split = ",",
                defaultValue = "1",
                paramLabel = "N[,N...]",
                description =
                        "Readings per Kafka record: 1 sends one reading object per record, more"
                                + " send JSON arrays (blocks) of that many readings of one series (default"
                                + " ${DEFAULT-VALUE}).")
        List<Integer> blocks;

        @Option(
                names = "--jit-warmup",
                paramLabel = "DURATION",
                defaultValue = "30s",
                description =
                        "A first Heed run of this length, not measured, so that JIT compilation"
                                + " does not land in the first measured run (default ${DEFAULT-VALUE}; 0s skips it).")
        String jitWarmup;

        @Option(
                names = "--also-method",
                split = ",",
                paramLabel = "METHOD[,METHOD...]",
                description =
                        "Also run Heed with these attention.method values (e.g. rollout), in the"
                                + " same run, to see what the configured method costs.")
        List<String> alsoMethods = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            HeedConfig config = options.load();
            for (String m : alsoMethods) {
                AttentionMethod.parse(m);
            }
            SensorBench.Options o;
            try {
                o =
                        new SensorBench.Options(
                                series,
                                parseRates(rates),
                                Durations.parse("--warmup", warmup),
                                Durations.parse("--duration", duration),
                                Durations.parse("--fill-limit", fillLimit),
                                repeat,
                                batches,
                                matmul,
                                markdown,
                                keepData,
                                blocks,
                                Durations.parse("--jit-warmup", jitWarmup),
                                alsoMethods);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            SensorBench.run(o, config, System.out);
            return 0;
        }

        private List<Integer> parseRates(List<String> values) {
            List<Integer> out = new ArrayList<>();
            for (String v : values) {
                try {
                    out.add(v.equalsIgnoreCase("max") ? 0 : Integer.parseInt(v.trim()));
                } catch (NumberFormatException e) {
                    throw new ParameterException(
                            spec.commandLine(), "--rates takes readings/s or max, got '" + v + "'");
                }
            }
            return out;
        }
    }

    @Command(
            name = "audio",
            mixinStandardHelpOptions = true,
            description =
                    "Audio path: concurrent real-time streams through the broker, delay from the"
                            + " end of the last word to its final transcript, real-time factor per core.")
    static final class Audio implements Callable<Integer> {
        @Mixin ConfigOptions options;

        @Option(
                names = "--streams",
                split = ",",
                defaultValue = "1,8,32",
                paramLabel = "N[,N...]",
                description = "Concurrent streams per level (default ${DEFAULT-VALUE}).")
        List<Integer> streams;

        @Option(
                names = "--rounds",
                defaultValue = "2",
                description = "Times each stream sends the recording (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(
                names = "--warmup-rounds",
                defaultValue = "1",
                description =
                        "Rounds of the largest level sent first, not measured, so that JIT"
                                + " compilation is not counted (default ${DEFAULT-VALUE}; 0 measures from a cold"
                                + " start).")
        int warmupRounds;

        @Override
        public Integer call() throws Exception {
            AudioBench.run(streams, rounds, warmupRounds, options.load(), System.out);
            return 0;
        }
    }
}
