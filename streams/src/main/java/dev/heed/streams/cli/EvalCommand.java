package dev.heed.streams.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heed eval forecast|nab}: Heed measured on public benchmarks. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate Heed on a public benchmark: forecast (long-horizon forecasting, e.g."
        + " ETTh1) or nab (the Numenta Anomaly Benchmark).",
    subcommands = {EvalForecastCommand.class, EvalNabCommand.class})
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "say what to evaluate: heed eval forecast ... or heed eval nab --data DIR");
  }
}
