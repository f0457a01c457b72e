package dev.heed.eval.cli;

import dev.heed.eval.demo.DemoCommand;
import dev.heed.streams.cli.HeedCli;
import java.util.List;

/**
 * The launcher's command line ({@code ./heed}): the runtime's {@code run}, {@code send} and {@code
 * tail}, plus {@code demo}, {@code train}, {@code eval}, {@code bench} and {@code export}, which
 * the runtime jar does not carry.
 */
public final class HeedTools {

    private HeedTools() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs {@code args}; user errors print one clear line and give exit code 2. */
    public static int execute(String... args) {
        return HeedCli.execute(commands(), args);
    }

    /** The commands the launcher adds to the runtime's. */
    static List<Object> commands() {
        return List.of(
                new DemoCommand(),
                new TrainCommand(),
                new EvalCommand(),
                new BenchCommand(),
                new SynthCommand(),
                new ExportCommand());
    }
}
