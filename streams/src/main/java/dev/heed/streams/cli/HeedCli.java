package dev.heed.streams.cli;

import dev.heed.models.HeedModelException;
import dev.heed.streams.HeedStreamsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code heed}: the command line entry point. */
@Command(
    name = "heed",
    mixinStandardHelpOptions = true,
    version = "heed 0.1.0",
    description = "Streaming attention processor: Kafka Streams + self-attention models.",
    footer = "Speech: heed train speech --help, heed eval speech --help.",
    subcommands = {
      DemoCommand.class, RunCommand.class, SendCommand.class, TailCommand.class,
      TrainCommand.class, ExportCommand.class, EvalCommand.class, BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HeedCli {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs {@code args}; user errors print one clear line and give exit code 2. */
  public static int execute(String... args) {
    Object speech = SpeechCommands.forArgs(args);
    CommandLine cli = new CommandLine(speech != null ? speech : new HeedCli());
    if (speech != null) {
      args = java.util.Arrays.copyOfRange(args, 2, args.length);
    }
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      Throwable root = e;
      if (root instanceof HeedStreamsException || root instanceof HeedModelException
          || root instanceof dev.heed.models.ModelLoadException
          || root instanceof dev.heed.audio.HeedAudioException) {
        cmd.getErr().println("heed: " + root.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
