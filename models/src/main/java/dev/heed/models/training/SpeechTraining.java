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
import ai.djl.training.optimizer.Adam;
import ai.djl.util.Pair;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.ModelParams;
import dev.heed.models.internal.Hashing;
import dev.heed.models.nn.ConvSubsampling;
import dev.heed.models.speech.FramePreparation;
import dev.heed.models.speech.SpeechCtcBlock;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.StreamPrior;
import dev.heed.models.training.internal.CtcLoss;
import dev.heed.models.training.internal.ParameterAverage;
import dev.heed.models.training.internal.ParameterSnapshot;
import dev.heed.models.training.internal.StepGuard;
import dev.heed.models.training.internal.TimedSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The speech training run: per-mel statistics from a few batches, Adam with warm-up and cosine
 * decay, CTC loss, {@link StepGuard}ed steps, periodic greedy validation keeping the best
 * parameters, then the model directory.
 */
final class SpeechTraining {

    static final String VOCAB_FILE = "vocab.txt";
    private static final int STAT_BATCHES = 16;
    static final int PRIOR_BATCHES = 4 * STAT_BATCHES;

    private SpeechTraining() {}

    public static SpeechDescriptor run(
            SpeechTrainingOptions o,
            SpeechExamples examples,
            List<SpeechBatch> validation,
            Consumer<String> progress)
            throws IOException {
        long started = System.nanoTime();
        FramePreparation plain =
                new FramePreparation(
                        o.features().mels(), o.cepstralKeep(), o.utteranceMean(), o.streamMean());
        StreamPrior prior = prior(o, examples, plain);
        FramePreparation prep = plain.withPrior(prior);
        if (!prep.isIdentity()) {
            SpeechExamples raw = examples;
            examples = size -> prepared(raw.next(size), prep);
            validation = validation.stream().map(b -> prepared(b, prep)).toList();
        }
        ModelDescriptor.Normalization norm =
                statistics(examples, o.batchSize(), o.features().mels());
        SpeechDescriptor draft = descriptor(o, norm, prior, null, null, Map.of());
        TimedSchedule schedule = new TimedSchedule(o.learningRate(), o.steps(), o.maxMinutes());
        SpeechCtcBlock block = new SpeechCtcBlock(o.architecture(), o.vocabulary().size());
        int rollbacks = 0;
        int steps = 0;
        int bestStep = 0;
        double best = Double.POSITIVE_INFINITY;
        double averaged = Double.NaN;
        int averagedCount = 0;
        int averageFrom = o.steps() - o.averageLast() * o.evalEvery();
        Engines.engine().setRandomSeed((int) o.seed());
        try (Model model = Model.newInstance(o.name(), Device.cpu(), Engines.PYTORCH)) {
            model.setBlock(block);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new CtcLoss(0))
                            .optOptimizer(Adam.builder().optLearningRateTracker(schedule).build())
                            .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 100, o.features().mels()));
                List<NDArray> parameters = trainable(model);
                NetworkScorer scorer = new NetworkScorer(block, model, draft);
                try (StepGuard guard = new StepGuard(parameters, o.clipNorm());
                        ParameterSnapshot snapshot = new ParameterSnapshot(parameters);
                        ParameterAverage average = new ParameterAverage(parameters)) {
                    double lossSum = 0;
                    int lossCount = 0;
                    for (steps = 1; steps <= o.steps(); steps++) {
                        float loss = step(trainer, examples.next(o.batchSize()), norm);
                        StepGuard.Outcome outcome = guard.step(trainer);
                        if (outcome != StepGuard.Outcome.APPLIED || !Float.isFinite(loss)) {
                            rollbacks++;
                        } else {
                            lossSum += loss;
                            lossCount++;
                        }
                        boolean timeUp =
                                o.maxMinutes() > 0
                                        && (System.nanoTime() - started) / 6e10 > o.maxMinutes();
                        if (steps % o.evalEvery() == 0 || steps == o.steps() || timeUp) {
                            double ter = scorer.tokenErrorRate(validation);
                            boolean improved = ter <= best;
                            if (improved) {
                                best = ter;
                                bestStep = steps;
                                snapshot.capture();
                            }
                            if (o.averageLast() > 0 && steps > averageFrom) {
                                average.add();
                            }
                            progress.accept(
                                    String.format(
                                            Locale.ROOT,
                                            "step %d/%d loss %.4f val token error %.4f%s lr %.2e %.0f s",
                                            steps,
                                            o.steps(),
                                            lossSum / Math.max(1, lossCount),
                                            ter,
                                            improved ? " *" : "",
                                            schedule.getNewValue(steps),
                                            (System.nanoTime() - started) / 1e9));
                            lossSum = 0;
                            lossCount = 0;
                        }
                        if (timeUp) {
                            break;
                        }
                    }
                    steps = Math.min(steps, o.steps());
                    snapshot.restore();
                    if (average.count() > 0) {
                        average.restore();
                        averagedCount = average.count();
                        averaged = scorer.tokenErrorRate(validation);
                        progress.accept(
                                String.format(
                                        Locale.ROOT,
                                        "average of the last %d validation points: val token error %.4f"
                                                + " (best single %.4f at step %d)",
                                        averagedCount,
                                        averaged,
                                        best,
                                        bestStep));
                    } else if (o.averageLast() > 0) {
                        progress.accept(
                                String.format(
                                        Locale.ROOT,
                                        "no checkpoint to average: stopped at step %d, before step %d;"
                                                + " the best single checkpoint is written",
                                        steps,
                                        averageFrom + 1));
                    }
                }
            }
            Files.createDirectories(o.outputDir());
            Path weights = o.outputDir().resolve(ModelParams.FILE_NAME);
            ModelParams.save(block, weights);
            Files.write(o.outputDir().resolve(VOCAB_FILE), o.vocabulary());
            double seconds = (System.nanoTime() - started) / 1e9;
            ModelDescriptor.Training training =
                    new ModelDescriptor.Training(
                            o.command(),
                            o.seed(),
                            steps,
                            bestStep,
                            o.batchSize(),
                            o.learningRate(),
                            schedule.describe(),
                            o.clipNorm(),
                            rollbacks,
                            Engines.threads(),
                            seconds);
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (averagedCount > 0) {
                metrics.put("validation_token_error_rate", averaged);
                metrics.put("validation_token_error_rate_best_checkpoint", best);
                metrics.put("averaged_checkpoints", (double) averagedCount);
            } else {
                metrics.put("validation_token_error_rate", best);
            }
            SpeechDescriptor d =
                    descriptor(o, norm, prior, Hashing.sha256(weights), training, metrics);
            d.write(o.outputDir());
            return d;
        }
    }

    /**
     * The stream prior of {@value #PRIOR_BATCHES} batches of raw training utterances, when {@code
     * o} asks for one; {@link StreamPrior#NONE} otherwise (and no batch drawn).
     */
    private static StreamPrior prior(
            SpeechTrainingOptions o, SpeechExamples raw, FramePreparation prep) {
        if (o.streamPrior() <= 0) {
            return StreamPrior.NONE;
        }
        List<float[][]> sample = new ArrayList<>();
        for (int i = 0; i < PRIOR_BATCHES; i++) {
            sample.addAll(List.of(raw.next(o.batchSize()).features()));
        }
        return prep.prior(sample, o.streamPrior());
    }

    /** One forward and backward pass; gradients are left for the step. */
    private static float step(Trainer trainer, SpeechBatch batch, ModelDescriptor.Normalization n) {
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = features(manager, batch.features(), n); // (B, T, M)
            NDArray labels = padded(manager, batch.labels()); // (B, Lmax)
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x)); // [(B, T', V), (B, H, T', T')]
                NDArray loss = trainer.getLoss().evaluate(new NDList(labels), out); // ()
                collector.backward(loss);
                return loss.getFloat();
            }
        }
    }

    /** The batch with each utterance prepared as the model will prepare it. */
    private static SpeechBatch prepared(SpeechBatch batch, FramePreparation prep) {
        float[][][] f = new float[batch.features().length][][];
        for (int i = 0; i < f.length; i++) {
            StreamMean history = StreamMean.NONE;
            for (float[][] earlier : batch.contextOf(i)) {
                history = prep.remember(history, earlier);
            }
            f[i] = prep.apply(batch.features()[i], history);
        }
        return new SpeechBatch(f, batch.labels());
    }

    /** Normalised features {@code (B, T, M)}. */
    static NDArray features(NDManager m, float[][][] f, ModelDescriptor.Normalization n) {
        int b = f.length;
        int t = f[0].length;
        int mels = f[0][0].length;
        float[] flat = new float[b * t * mels];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                for (int k = 0; k < mels; k++) {
                    flat[(i * t + j) * mels + k] =
                            (float) ((f[i][j][k] - n.mean().get(k)) / n.std().get(k));
                }
            }
        }
        return m.create(flat, new Shape(b, t, mels));
    }

    private static NDArray padded(NDManager m, int[][] labels) {
        int width = 1;
        for (int[] l : labels) {
            width = Math.max(width, l.length);
        }
        int[] flat = new int[labels.length * width];
        java.util.Arrays.fill(flat, -1);
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(labels[i], 0, flat, i * width, labels[i].length);
        }
        return m.create(flat, new Shape(labels.length, width));
    }

    /** Per-mel mean and standard deviation over a few training batches. */
    private static ModelDescriptor.Normalization statistics(
            SpeechExamples examples, int batchSize, int mels) {
        double[] sum = new double[mels];
        double[] squares = new double[mels];
        long n = 0;
        for (int i = 0; i < STAT_BATCHES; i++) {
            for (float[][] utterance : examples.next(batchSize).features()) {
                for (float[] frame : utterance) {
                    for (int k = 0; k < mels; k++) {
                        sum[k] += frame[k];
                        squares[k] += frame[k] * (double) frame[k];
                    }
                    n++;
                }
            }
        }
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        for (int k = 0; k < mels; k++) {
            double mu = sum[k] / n;
            mean.add(mu);
            std.add(Math.sqrt(Math.max(squares[k] / n - mu * mu, 1e-6)));
        }
        return new ModelDescriptor.Normalization(mean, std);
    }

    private static SpeechDescriptor descriptor(
            SpeechTrainingOptions o,
            ModelDescriptor.Normalization norm,
            StreamPrior prior,
            String sha,
            ModelDescriptor.Training training,
            Map<String, Double> metrics) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new SpeechDescriptor(
                "djl",
                SpeechDescriptor.TASK,
                o.name(),
                now,
                o.architecture(),
                o.features(),
                norm,
                o.utteranceMean(),
                o.streamMean(),
                prior,
                o.cepstralKeep(),
                o.minRepeatGap(),
                o.blankPenalty(),
                ConvSubsampling.FACTOR,
                VOCAB_FILE,
                SpeechDescriptor.Outputs.DEFAULT,
                ModelParams.FILE_NAME,
                sha,
                o.data(),
                training,
                metrics,
                now,
                Engines.heedVersion());
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
}
