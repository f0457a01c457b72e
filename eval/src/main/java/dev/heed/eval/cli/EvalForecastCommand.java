package dev.heed.eval.cli;

import dev.heed.eval.forecast.EvaluationResult;
import dev.heed.eval.forecast.ForecastEvaluator;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.data.DataSplit;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.HeedStreamsException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heed eval forecast}: a model's test MSE and MAE by the long-horizon protocol (see {@link
 * ForecastEvaluator}), beside the published ETTh1 figures when the file is ETTh1.
 */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate a forecaster on a CSV file by the long-horizon protocol: chronological"
                        + " split, training-split z-score, every test window, MSE and MAE over all variables.")
final class EvalForecastCommand implements Callable<Integer> {

    /** Where the published figures come from. */
    static final String SOURCE =
            "Nie et al., A Time Series is Worth 64 Words: Long-term"
                    + " Forecasting with Transformers, ICLR 2023, Table 3 (ETTh1, multivariate)";

    /** Published ETTh1 MSE and MAE per horizon: model, MSE, MAE (PatchTST paper, Table 3). */
    static final Map<Integer, List<Object[]>> ETTH1 =
            Map.of(
                    96,
                            List.of(
                                    row("PatchTST/64 (lookback 512)", 0.370, 0.400),
                                    row("PatchTST/42 (lookback 336)", 0.375, 0.399),
                                    row("DLinear", 0.375, 0.399),
                                    row("FEDformer", 0.376, 0.419),
                                    row("Autoformer", 0.449, 0.459),
                                    row("Informer", 0.865, 0.713)),
                    192,
                            List.of(
                                    row("PatchTST/64 (lookback 512)", 0.413, 0.429),
                                    row("PatchTST/42 (lookback 336)", 0.414, 0.421),
                                    row("DLinear", 0.405, 0.416),
                                    row("FEDformer", 0.420, 0.448),
                                    row("Autoformer", 0.500, 0.482),
                                    row("Informer", 1.008, 0.792)),
                    336,
                            List.of(
                                    row("PatchTST/64 (lookback 512)", 0.422, 0.440),
                                    row("PatchTST/42 (lookback 336)", 0.431, 0.436),
                                    row("DLinear", 0.439, 0.443),
                                    row("FEDformer", 0.459, 0.465),
                                    row("Autoformer", 0.521, 0.496),
                                    row("Informer", 1.107, 0.809)),
                    720,
                            List.of(
                                    row("PatchTST/64 (lookback 512)", 0.447, 0.468),
                                    row("PatchTST/42 (lookback 336)", 0.449, 0.466),
                                    row("DLinear", 0.472, 0.490),
                                    row("FEDformer", 0.506, 0.507),
                                    row("Autoformer", 0.514, 0.512),
                                    row("Informer", 1.181, 0.865)));

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "CSV file: a timestamp column, then numeric columns.")
    Path data;

    @Option(names = "--horizon", required = true, description = "Forecast steps; the model's.")
    int horizon;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Model directory (default models/shipped/etth1-h<horizon>).")
    Path model;

    @Option(
            names = "--split",
            defaultValue = "8640,2880,2880",
            description =
                    "train,val,test row counts or fractions (default ${DEFAULT-VALUE}: 12/4/4"
                            + " months of hours).")
    String split;

    @Option(names = "--device", defaultValue = "cpu")
    String device;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data)) {
            throw new HeedStreamsException("--data " + data + " is not a file; pass a CSV file");
        }
        DataSplit dataSplit = DataSplit.parse(split);
        Path dir = model != null ? model : shipped(horizon);
        if (model == null && !Files.isDirectory(dir)) {
            throw new HeedStreamsException(
                    "no shipped model for horizon "
                            + horizon
                            + " ("
                            + dir
                            + "); pass --model DIR, or train one with heed train forecast ... --horizon "
                            + horizon);
        }
        try (ForecastModel m = ModelLoader.load(dir, DeviceChoice.parse(device))) {
            System.err.printf(
                    "heed: evaluating %s on %s, horizon %d, split %s%n",
                    m.descriptor().name(), data, horizon, dataSplit.spec());
            EvaluationResult r = ForecastEvaluator.evaluate(m, data, horizon, dataSplit);
            print(System.out, m.descriptor(), r);
        }
        return 0;
    }

    static void print(PrintStream out, ModelDescriptor d, EvaluationResult r) {
        out.printf(
                Locale.ROOT,
                "%s, horizon %d, split %s: test rows %d..%d, %d windows (stride 1)"
                        + " x %d variables, lookback %d%n",
                r.file().getFileName(),
                r.horizon(),
                r.split(),
                r.testFrom(),
                r.testFrom() + r.testRows() - 1,
                r.windows(),
                r.variables().size(),
                r.window());
        out.printf(
                Locale.ROOT,
                "z-score with training-split statistics (rows 0..%d) of each"
                        + " variable; MSE and MAE over all windows, steps and variables%n%n",
                r.trainRows() - 1);
        out.printf(Locale.ROOT, "%-30s %7s %7s%n", "model", "MSE", "MAE");
        out.printf(
                Locale.ROOT,
                "%-30s %7.4f %7.4f%n",
                "Heed " + d.name() + " (this run)",
                r.mse(),
                r.mae());
        List<Object[]> published = published(r);
        for (Object[] row : published) {
            out.printf(Locale.ROOT, "%-30s %7.3f %7.3f%n", row);
        }
        if (!published.isEmpty()) {
            out.println("published: " + SOURCE);
        } else {
            out.println(
                    "(published figures are shown for ETTh1.csv with split 8640,2880,2880 and"
                            + " horizons 96, 192, 336, 720 only)");
        }
        StringBuilder perVariable = new StringBuilder("per variable MSE:");
        for (int c = 0; c < r.variables().size(); c++) {
            perVariable.append(
                    String.format(
                            Locale.ROOT, " %s %.4f", r.variables().get(c), r.variableMse().get(c)));
        }
        out.println(perVariable);
        ModelDescriptor.Architecture a = d.architecture();
        out.printf(
                Locale.ROOT,
                "%nmodel %s version %s: window %d, horizon %d, variables %s%n",
                d.name(),
                d.version(),
                d.window(),
                d.horizon(),
                d.channelIndependent() ? "any (channel-independent)" : d.variables());
        if (a != null && a.dModel() > 0) {
            out.printf(
                    Locale.ROOT,
                    "%s: d_model %d, %d heads, %d layers, ff %d, patch %d stride %d,"
                            + " dropout %s, instance norm %s%n",
                    a.type(),
                    a.dModel(),
                    a.heads(),
                    a.layers(),
                    a.ffDim(),
                    a.patchLen(),
                    a.patchStride(),
                    a.dropout(),
                    d.instanceNorm());
        }
        if (d.training() != null) {
            ModelDescriptor.Training t = d.training();
            out.printf(
                    Locale.ROOT,
                    "trained %.0f s (%.1f min), %d epochs (best %d); %s%n",
                    t.seconds(),
                    t.seconds() / 60,
                    t.epochsRun(),
                    t.bestEpoch(),
                    t.command());
        }
        out.printf(
                Locale.ROOT,
                "forecast %d series in %.1f s (%.0f series/s)%n",
                (long) r.windows() * r.variables().size(),
                r.seconds(),
                r.seriesPerSecond());
    }

    private static List<Object[]> published(EvaluationResult r) {
        boolean etth1 =
                r.file().getFileName().toString().equalsIgnoreCase("ETTh1.csv")
                        && r.split().equals(ForecastEvaluator.ETT_HOURLY_SPLIT.spec());
        return etth1 ? ETTH1.getOrDefault(r.horizon(), List.of()) : List.of();
    }

    /** The shipped ETTh1 model for a horizon, under the Heed home when the launcher sets it. */
    private static Path shipped(int horizon) {
        Path relative = Path.of("models", "shipped", "etth1-h" + horizon);
        Path home = Path.of(System.getProperty("heed.home", ".")).resolve(relative);
        return Files.isDirectory(home) ? home : relative;
    }

    private static Object[] row(String model, double mse, double mae) {
        return new Object[] {model, mse, mae};
    }
}
