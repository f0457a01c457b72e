package dev.heed.models.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Adam;
import ai.djl.util.Pair;
import dev.heed.models.training.TrainingListener.BatchProgress;
import dev.heed.models.training.TrainingListener.EpochSummary;
import dev.heed.models.training.internal.LrSchedule;
import dev.heed.models.training.internal.ParameterSnapshot;
import dev.heed.models.training.internal.PredictionMseLoss;
import dev.heed.models.training.internal.StepGuard;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The epochs of one training run: seeded shuffling, Adam steps through a {@link StepGuard}, a
 * validation pass per epoch, early stopping that keeps the best epoch's parameters, and an optional
 * wall-clock limit.
 */
final class EpochLoop {

    /** What the epochs did. */
    record Outcome(
            List<Double> trainLoss,
            List<Double> valMse,
            int bestEpoch,
            int rollbacks,
            boolean stoppedEarly,
            LrSchedule schedule) {}

    private final TrainingOptions options;
    private final TrainingData data;
    private final Model model;
    private final TrainingListener listener;
    private final long startNanos = System.nanoTime();
    private int perEpoch;
    private int batches;
    private LrSchedule schedule;
    private int steps;
    private int rollbacks;

    EpochLoop(TrainingOptions options, TrainingData data, Model model, TrainingListener listener) {
        this.options = options;
        this.data = data;
        this.model = model;
        this.listener = listener;
    }

    Outcome run() {
        perEpoch =
                options.maxTrainWindows() > 0
                        ? Math.min(options.maxTrainWindows(), data.train.size())
                        : data.train.size();
        batches = (perEpoch + options.batchSize() - 1) / options.batchSize();
        schedule = new LrSchedule(options.learningRate(), batches * options.maxEpochs());
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(new PredictionMseLoss())
                        .optOptimizer(
                                Adam.builder().optLearningRateTracker(schedule.tracker()).build())
                        .optDevices(new Device[] {model.getNDManager().getDevice()})
                        .optInitializer(initializer(options.weightInit()), Parameter.Type.WEIGHT);
        List<Double> trainLoss = new ArrayList<>();
        List<Double> valMse = new ArrayList<>();
        int bestEpoch = 0;
        boolean stopped = false;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(options.batchSize(), data.window, data.channels));
            List<NDArray> parameters = trainable(model);
            try (StepGuard guard = new StepGuard(parameters, options.clipNorm());
                    ParameterSnapshot best = new ParameterSnapshot(parameters)) {
                Random random = new Random(options.seed());
                int[] order = new int[data.train.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                double bestVal = Double.POSITIVE_INFINITY;
                int sinceBest = 0;
                for (int epoch = 1; epoch <= options.maxEpochs() && !stopped; epoch++) {
                    long epochStart = System.nanoTime();
                    shuffle(order, random);
                    trainLoss.add(trainEpoch(trainer, guard, order, epoch));
                    double val = Evaluation.of(model, data, data.val).mse;
                    valMse.add(Double.isFinite(val) ? val : Double.NaN);
                    boolean improved = Double.isFinite(val) && val < bestVal;
                    if (improved) {
                        bestVal = val;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        best.capture();
                    } else {
                        sinceBest++;
                    }
                    listener.onEpochEnd(
                            new EpochSummary(
                                    epoch,
                                    options.maxEpochs(),
                                    trainLoss.get(epoch - 1),
                                    valMse.get(epoch - 1),
                                    schedule.at(Math.max(1, steps)),
                                    seconds(epochStart),
                                    eta(epoch, 1.0),
                                    improved));
                    String reason = stopReason(sinceBest);
                    if (reason != null && epoch < options.maxEpochs()) {
                        stopped = true;
                        listener.onEarlyStop(epoch, bestEpoch, reason);
                    }
                }
                if (bestEpoch > 0) {
                    best.restore();
                }
            }
        }
        model.getBlock().freezeParameters(true);
        return new Outcome(trainLoss, valMse, bestEpoch, rollbacks, stopped, schedule);
    }

    /**
     * The weight initializer. {@code XavierInitializer(UNIFORM, IN, 1)} draws from {@code +-sqrt(1
     * / fan_in)}, PyTorch's {@code nn.Linear} default (kaiming_uniform with a = sqrt(5)); biases
     * stay zero either way.
     */
    static Initializer initializer(WeightInit init) {
        return init == WeightInit.TORCH
                ? new XavierInitializer(
                        XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1f)
                : new XavierInitializer();
    }

    /** One pass over the epoch's training windows; returns the mean loss of the applied steps. */
    private double trainEpoch(Trainer trainer, StepGuard guard, int[] order, int epoch) {
        listener.onEpochStart(epoch, options.maxEpochs(), batches);
        long epochStart = System.nanoTime();
        double lossSum = 0;
        int lossCount = 0;
        for (int batch = 0; batch < batches; batch++) {
            int from = batch * options.batchSize();
            int n = Math.min(options.batchSize(), perEpoch - from);
            float loss = trainBatch(trainer, order, from, n);
            StepGuard.Outcome outcome = guard.step(trainer);
            if (outcome == StepGuard.Outcome.APPLIED) {
                steps++;
                lossSum += loss;
                lossCount++;
            } else {
                rollbacks++;
                listener.onNanRollback(epoch, batch + 1, rollbacks, reason(outcome, loss));
            }
            double elapsed = seconds(epochStart);
            listener.onBatch(
                    new BatchProgress(
                            epoch,
                            options.maxEpochs(),
                            batch + 1,
                            batches,
                            loss,
                            (from + n) / Math.max(elapsed, 1e-9),
                            eta(epoch, (batch + 1) / (double) batches)));
            if (timeUp()) {
                break;
            }
        }
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }

    private String stopReason(int epochsSinceBest) {
        if (timeUp()) {
            return "time limit of " + options.maxMinutes() + " minutes";
        }
        if (epochsSinceBest >= options.patience()) {
            return "no validation improvement for " + options.patience() + " epochs";
        }
        return null;
    }

    /** Forward and backward of one batch; returns its loss, gradients left on the parameters. */
    private float trainBatch(Trainer trainer, int[] order, int from, int n) {
        int xSize = n * data.window * data.channels;
        int ySize = n * data.horizon * data.channels;
        float[] x = new float[xSize];
        float[] y = new float[ySize];
        data.fill(data.train, order, from, n, x, y);
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray input =
                    manager.create(FloatBuffer.wrap(x), new Shape(n, data.window, data.channels));
            NDArray target =
                    manager.create(FloatBuffer.wrap(y), new Shape(n, data.horizon, data.channels));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(input)); // [(n, horizon, C), attention]
                NDArray loss = trainer.getLoss().evaluate(new NDList(target), out); // ()
                collector.backward(loss);
                return loss.getFloat();
            }
        }
    }

    private static String reason(StepGuard.Outcome outcome, float loss) {
        return outcome == StepGuard.Outcome.ROLLED_BACK_NON_FINITE_PARAMETER
                ? "the step made a parameter non-finite; parameters restored"
                : "non-finite loss or gradient (loss " + loss + "); step skipped";
    }

    private static List<NDArray> trainable(Model model) {
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                arrays.add(p.getValue().getArray());
            }
        }
        return arrays;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private boolean timeUp() {
        return options.maxMinutes() > 0 && seconds(startNanos) > options.maxMinutes() * 60;
    }

    /** Seconds left if the run goes to its last epoch, capped by the time limit. */
    private double eta(int epoch, double epochFraction) {
        double done = epoch - 1 + epochFraction;
        double perEpoch = seconds(startNanos) / Math.max(done, 1e-9);
        double eta = perEpoch * (options.maxEpochs() - done);
        if (options.maxMinutes() > 0) {
            eta = Math.min(eta, Math.max(0, options.maxMinutes() * 60 - seconds(startNanos)));
        }
        return eta;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
