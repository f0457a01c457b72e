package dev.heed.eval.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heed eval forecast|nab|speech}: Heed measured on public benchmarks. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate Heed on a public benchmark: forecast (long-horizon forecasting, e.g."
                        + " ETTh1), nab (the Numenta Anomaly Benchmark) or speech (spoken digits).",
        subcommands = {
            EvalForecastCommand.class,
            EvalNabCommand.class,
            EvalSpeechCommand.class,
            EvalAttentionCommand.class
        })
final class EvalCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "say what to evaluate: heed eval forecast, heed eval nab or heed eval speech (--help for each)");
    }
}
