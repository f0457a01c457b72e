package dev.heed.streams.cli;

/**
 * Routes {@code heed train speech} and {@code heed eval speech} to their own commands: {@code
 * train} and {@code eval} take a positional kind and required forecasting options, which picocli
 * would demand before reaching a subcommand.
 */
final class SpeechCommands {

  private SpeechCommands() {}

  /** The speech command for {@code args}, or null when they are not a speech command. */
  static Object forArgs(String... args) {
    if (args.length < 2 || !"speech".equals(args[1])) {
      return null;
    }
    switch (args[0]) {
      case "train":
        return new TrainSpeechCommand();
      case "eval":
        return new EvalSpeechCommand();
      default:
        return null;
    }
  }
}
