package dev.heed.eval.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heed train forecast|speech}: trains one of Heed's models with its own trainer. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train a model in Java: forecast (a self-attention forecaster on CSV series) or speech"
                        + " (the CTC digit recogniser on WAV recordings).",
        subcommands = {TrainForecastCommand.class, TrainSpeechCommand.class})
final class TrainCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "say what to train: heed train forecast or heed train speech (--help for each)");
    }
}
