package dev.heed.eval.attention;

import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Scores every explanation method against a task's ground truth on held-out windows: the model is
 * trained on series drawn with one seed and explained on a series drawn with another.
 */
public final class AttentionBenchmark {

    /** The model's methods in table order: today's attention summaries, then the gradient ones. */
    static final List<String> METHODS =
            List.of(
                    "rollout",
                    "head_mean",
                    "query",
                    "relevance",
                    "gradient_x_input",
                    "integrated_gradients");

    /** The share of a window's steps the deletion test deletes. */
    public static final double DELETE_FRACTION = 0.10;

    private AttentionBenchmark() {}

    /** One method's scores over the held-out windows (means over windows). */
    public record Row(
            String method, double auprc, double share, double precision, double deletionRatio) {}

    /**
     * A task's result.
     *
     * @param skill {@code (naive - model) / (naive - oracle)} of the forecast's mean squared error,
     *     naive forecasting the window's mean: 1 is the oracle, 0 no better than the mean
     * @param occlusion how much more the forecast moves when the ground-truth steps are deleted
     *     than when as many other steps are
     */
    public record Result(
            AttentionTask task,
            long seed,
            int windows,
            double groundTruthShare,
            double modelMse,
            double oracleMse,
            double naiveMse,
            double skill,
            double occlusion,
            List<Row> rows) {

        /** Whether the model learnt the task well enough for the scores to mean anything. */
        public boolean valid() {
            return !task.trained() || (skill >= 0.75 && occlusion >= 2);
        }
    }

    /** Trains (or builds) the task's model under {@code work} and scores every method. */
    public static Result run(
            AttentionTask task, long seed, int windows, Path work, PrintStream progress)
            throws IOException, ModelLoadException {
        try (ForecastModel model =
                task.trained()
                        ? TaskModel.train(task, seed, work, progress)
                        : TaskModel.whiteBox(task)) {
            return score(task, seed, windows, model);
        }
    }

    /** Scores every method on {@code windows} held-out windows of a series the model never saw. */
    static Result score(AttentionTask task, long seed, int windows, ForecastModel model) {
        TaskSeries series =
                TaskSeries.draw(
                        task, Math.max(20 * task.window(), 40 * windows), seed * 1_000 + 999);
        Random pick = new Random(seed + 17);
        List<Integer> ends = new ArrayList<>();
        for (int end = task.window() - 1; end < series.length() - task.horizon(); end++) {
            ends.add(end);
        }
        java.util.Collections.shuffle(ends, pick);
        List<float[]> inputs = new ArrayList<>();
        List<BitSet> truth = new ArrayList<>();
        List<Integer> chosen = new ArrayList<>();
        for (int end : ends) {
            BitSet gt = series.groundTruth(end);
            if (!gt.isEmpty()) {
                inputs.add(series.window(end));
                truth.add(gt);
                chosen.add(end);
            }
            if (inputs.size() == windows) {
                break;
            }
        }
        try (Forecaster f = model.newForecaster()) {
            double[] mse = errors(task, series, chosen, inputs, f);
            double occlusion = occlusion(f, inputs, truth, seed);
            double gtShare = 0;
            for (BitSet gt : truth) {
                gtShare += gt.cardinality() / (double) task.window() / truth.size();
            }
            List<Row> rows = new ArrayList<>();
            List<String> methods = new ArrayList<>(Explanations.BASELINES);
            methods.addAll(METHODS);
            int k = Deletion.count(task.window(), DELETE_FRACTION);
            for (String m : methods) {
                List<float[]> w = Explanations.weights(m, f, inputs, seed + m.hashCode());
                Random ties = new Random(seed + 31);
                double ap = 0;
                double share = 0;
                double precision = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    ap += Scores.averagePrecision(w.get(i), truth.get(i), ties) / inputs.size();
                    share += Scores.share(w.get(i), truth.get(i)) / inputs.size();
                    precision += Scores.precisionAtGt(w.get(i), truth.get(i), ties) / inputs.size();
                }
                double[] del = Deletion.topVersusRandom(f, inputs, w, k, seed + 41);
                rows.add(new Row(m, ap, share, precision, del[0] / del[1]));
            }
            double skill = (mse[2] - mse[0]) / (mse[2] - mse[1]);
            return new Result(
                    task,
                    seed,
                    inputs.size(),
                    gtShare,
                    mse[0],
                    mse[1],
                    mse[2],
                    skill,
                    occlusion,
                    rows);
        }
    }

    /**
     * Mean squared errors of the model, the oracle and the window mean: {@code [model, oracle,
     * naive]}.
     */
    private static double[] errors(
            AttentionTask task,
            TaskSeries series,
            List<Integer> ends,
            List<float[]> inputs,
            Forecaster f) {
        List<Forecast> forecasts = Explanations.forecast(f, inputs, AttentionMethod.QUERY);
        double[] sums = new double[3];
        int n = 0;
        for (int i = 0; i < ends.size(); i++) {
            double[] future = series.future(ends.get(i));
            double[] oracle = task.trained() ? series.oracle(ends.get(i)) : null;
            float[] y = forecasts.get(i).prediction()[0];
            double mean = 0;
            for (float v : inputs.get(i)) {
                mean += v / inputs.get(i).length;
            }
            for (int h = 0; h < future.length; h++) {
                sums[0] += Math.pow(y[h] - future[h], 2);
                sums[1] += oracle == null ? 0 : Math.pow(oracle[h] - future[h], 2);
                sums[2] += Math.pow(mean - future[h], 2);
                n++;
            }
        }
        return new double[] {sums[0] / n, sums[1] / n, sums[2] / n};
    }

    /** Movement when the ground truth is deleted over movement when as many other steps are. */
    private static double occlusion(
            Forecaster f, List<float[]> inputs, List<BitSet> truth, long seed) {
        Random random = new Random(seed + 53);
        List<BitSet> others = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BitSet gt = truth.get(i);
            others.add(Deletion.randomSteps(inputs.get(i).length, gt.cardinality(), gt, random));
        }
        return Deletion.movement(f, inputs, truth) / Deletion.movement(f, inputs, others);
    }
}
