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
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.forecasting.PatchTstBlock;
import dev.heed.models.formats.Engines;
import dev.heed.models.testing.TestModels;
import dev.heed.models.training.internal.PredictionMseLoss;
import dev.heed.models.training.internal.StepGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step as {@code heed train} runs it: forward, MSE on the prediction, backward,
 * global-norm clipping and the non-finite guard, and an Adam update; batch 64 of 64-step univariate
 * windows on the shipped sensor model's architecture.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1"
        })
public class TrainingStepBenchmark {
    private static final int BATCH = 64;

    private Model model;
    private Trainer trainer;
    private StepGuard guard;
    private NDManager data;
    private NDArray input;
    private NDArray target;

    @Setup(Level.Trial)
    public void setUp() {
        Architecture a = new Architecture(Architecture.PATCH_TRANSFORMER, 64, 4, 2, 128, 8, 8, 0.1);
        ModelDescriptor d =
                TestModels.descriptor(
                        a, List.of("*"), 64, 8, ModelDescriptor.Normalization.NONE, null);
        Engines.engine().setRandomSeed(42);
        model = Model.newInstance("bench", Device.cpu());
        model.setBlock(PatchTstBlock.of(d));
        trainer =
                model.newTrainer(
                        new DefaultTrainingConfig(new PredictionMseLoss())
                                .optOptimizer(
                                        Adam.builder()
                                                .optLearningRateTracker(Tracker.fixed(1e-3f))
                                                .build())
                                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT));
        trainer.initialize(new Shape(BATCH, 64, 1));
        List<NDArray> params = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue().getArray());
            }
        }
        guard = new StepGuard(params, 1.0);
        data = model.getNDManager().newSubManager();
        input = data.randomNormal(new Shape(BATCH, 64, 1)); // (B, T, C)
        target = data.randomNormal(new Shape(BATCH, 8, 1)); // (B, horizon, C)
    }

    @Benchmark
    public StepGuard.Outcome step() {
        try (GradientCollector c = trainer.newGradientCollector()) {
            NDList out = trainer.forward(new NDList(input)); // [(B, horizon, C), attention]
            NDArray loss = trainer.getLoss().evaluate(new NDList(target), out); // ()
            c.backward(loss);
        }
        return guard.step(trainer);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        guard.close();
        data.close();
        trainer.close();
        model.close();
    }
}
