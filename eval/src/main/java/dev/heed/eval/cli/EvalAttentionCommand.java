package dev.heed.eval.cli;

import dev.heed.eval.attention.AttentionBenchmark;
import dev.heed.eval.attention.AttentionTask;
import dev.heed.eval.attention.RealDeletion;
import dev.heed.eval.internal.TempDirs;
import dev.heed.models.DeviceChoice;
import dev.heed.models.data.DataSplit;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.HeedStreamsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heed eval attention}: are the per-step weights the steps a forecast depends on? On tasks
 * with known influential steps (shipped or a user's JSON file), and by the deletion test on real
 * series.
 */
@Command(
        name = "attention",
        mixinStandardHelpOptions = true,
        description =
                "Score every per-step explanation method against ground truth: trains a model on"
                        + " each task (lags, events; white-box needs none), explains held-out"
                        + " windows and prints AUPRC, share of weight on the ground truth,"
                        + " precision at |GT| and the deletion test. With --data and --model:"
                        + " the deletion test on real series.")
final class EvalAttentionCommand implements Callable<Integer> {

    @Option(
            names = "--task",
            split = ",",
            paramLabel = "NAME|FILE",
            description =
                    "Shipped tasks (lags, events, white-box) or task JSON files; default: all"
                            + " shipped tasks.")
    List<String> tasks = new ArrayList<>(AttentionTask.SHIPPED);

    @Option(
            names = "--seed",
            description = "Replaces each task's seed (data, training, baselines).")
    Long seed;

    @Option(names = "--windows", defaultValue = "256", description = "Held-out windows to score.")
    int windows;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Keep training data and models here.")
    Path work;

    @Option(
            names = "--data",
            paramLabel = "FILE|DIR",
            description = "Real series (CSV) for the deletion test.")
    Path data;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "The model to explain with --data.")
    Path model;

    @Option(
            names = "--split",
            defaultValue = "0.7,0.1,0.2",
            description =
                    "With --data: the split whose test rows are used (fractions, rows, or nab).")
    String split;

    @Override
    public Integer call() throws Exception {
        if (data != null || model != null) {
            return real();
        }
        Path dir = work != null ? work : Files.createTempDirectory("heed-eval-attention-");
        try {
            for (String name : tasks) {
                AttentionTask task =
                        AttentionTask.SHIPPED.contains(name)
                                ? AttentionTask.shipped(name)
                                : AttentionTask.read(Path.of(name));
                long s = seed != null ? seed : task.seed();
                System.err.printf("heed: task %s (seed %d)%n", task.name(), s);
                AttentionBenchmark.Result r =
                        AttentionBenchmark.run(
                                task, s, windows, dir.resolve(task.name() + "-" + s), System.err);
                print(r);
            }
        } finally {
            if (work == null) {
                TempDirs.deleteTree(dir);
            }
        }
        return 0;
    }

    private int real() throws Exception {
        if (data == null || model == null) {
            throw new HeedStreamsException(
                    "the deletion test on real data needs both --data FILE|DIR and --model DIR");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(data)) {
            try (Stream<Path> s = Files.walk(data)) {
                s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
            }
        } else {
            files.add(data);
        }
        if (files.isEmpty()) {
            throw new HeedStreamsException("no .csv files in --data " + data);
        }
        try (ForecastModel m = ModelLoader.load(model, DeviceChoice.CPU)) {
            RealDeletion.Result r =
                    RealDeletion.run(
                            m, files, DataSplit.parse(split), windows, seed != null ? seed : 42);
            System.out.printf(
                    Locale.ROOT,
                    "deletion test: model %s on %d test windows of %d series in %s (split %s;"
                            + " %d files too short for the window skipped);"
                            + " the top %.0f%% of steps by weight, or as many random steps,"
                            + " replaced by the window mean%n",
                    m.descriptor().name(),
                    r.windows(),
                    r.series(),
                    data,
                    split,
                    r.skippedFiles(),
                    100 * AttentionBenchmark.DELETE_FRACTION);
            System.out.printf(
                    "%-22s %12s %12s %8s%n", "method", "move(top)", "move(random)", "ratio");
            for (RealDeletion.Row row : r.rows()) {
                System.out.printf(
                        Locale.ROOT,
                        "%-22s %12.4f %12.4f %7.2fx%n",
                        row.method(),
                        row.top(),
                        row.random(),
                        row.ratio());
            }
        }
        return 0;
    }

    private static void print(AttentionBenchmark.Result r) {
        AttentionTask t = r.task();
        System.out.printf(
                Locale.ROOT,
                "task %s (%s; window %d, horizon %d; seed %d): %d held-out windows, ground truth"
                        + " %.1f%% of the steps%n",
                t.name(),
                t.kind(),
                t.window(),
                t.horizon(),
                r.seed(),
                r.windows(),
                100 * r.groundTruthShare());
        if (t.trained()) {
            System.out.printf(
                    Locale.ROOT,
                    "  model: MSE %.3f (oracle %.3f, window mean %.3f), skill %.2f; deleting the"
                            + " ground truth moves the forecast %.1fx as much as deleting as many"
                            + " other steps: %s%n",
                    r.modelMse(),
                    r.oracleMse(),
                    r.naiveMse(),
                    r.skill(),
                    r.occlusion(),
                    r.valid()
                            ? "valid"
                            : "NOT VALID (skill < 0.75 or occlusion < 2): the model did not learn"
                                    + " the task; the scores below mean little");
        } else {
            System.out.println("  white box: no training; attention summaries are uniform");
        }
        System.out.printf(
                "%-22s %7s %7s %9s %10s%n", "method", "AUPRC", "share", "prec@GT", "deletion");
        for (AttentionBenchmark.Row row : r.rows()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-22s %7.3f %7.3f %9.3f %9.2fx%n",
                    row.method(),
                    row.auprc(),
                    row.share(),
                    row.precision(),
                    row.deletionRatio());
        }
        System.out.println();
    }
}
