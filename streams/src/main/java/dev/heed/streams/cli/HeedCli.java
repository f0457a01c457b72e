package dev.heed.streams.cli;

import dev.heed.audio.HeedAudioException;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelLoadException;
import dev.heed.streams.HeedStreamsException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code heed}: the runtime's command line, {@code run}, {@code send} and {@code tail}. The
 * launcher's full command line (demo, train, eval, bench, export) adds its commands with {@link
 * #execute(List, String...)}.
 */
@Command(
        name = "heed",
        mixinStandardHelpOptions = true,
        version = "heed 0.1.0",
        description = "Streaming attention processor: Kafka Streams + self-attention models.",
        subcommands = {RunCommand.class, SendCommand.class, TailCommand.class})
public final class HeedCli {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs {@code args} with the runtime's commands; user errors print one line, exit code 2. */
    public static int execute(String... args) {
        return execute(List.of(), args);
    }

    /**
     * Runs {@code args} with the runtime's commands and {@code extra} picocli commands beside them.
     * An error of Heed's (a bad value, a missing file) prints {@code heed: <message>} and gives
     * exit code 2; anything else keeps its stack trace.
     */
    public static int execute(List<Object> extra, String... args) {
        CommandLine cli = commandLine(extra);
        cli.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    if (e instanceof HeedStreamsException
                            || e instanceof HeedModelException
                            || e instanceof ModelLoadException
                            || e instanceof HeedAudioException) {
                        cmd.getErr().println("heed: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
        return cli.execute(args);
    }

    /** The command tree: the runtime's commands, {@code extra} beside them, and {@code help}. */
    public static CommandLine commandLine(List<Object> extra) {
        CommandLine cli = new CommandLine(new HeedCli());
        for (Object command : extra) {
            cli.addSubcommand(command);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        return cli;
    }
}
