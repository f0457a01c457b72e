package dev.heed.models.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.heed.models.formats.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepGuardTest {

    private Model model;
    private Trainer trainer;
    private List<NDArray> parameters;

    /** A linear unit y = w.x + b trained by the given optimiser on an L2 loss. */
    private void setUp(Optimizer optimizer) {
        Engines.engine().setRandomSeed(11);
        model = Model.newInstance("guard", Device.cpu());
        model.setBlock(Linear.builder().setUnits(1).build());
        trainer =
                model.newTrainer(
                        new DefaultTrainingConfig(Loss.l2Loss())
                                .optOptimizer(optimizer)
                                .optDevices(new Device[] {Device.cpu()}));
        trainer.initialize(new Shape(1, 2));
        parameters = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            parameters.add(p.getValue().getArray());
        }
    }

    @AfterEach
    void tearDown() {
        trainer.close();
        model.close();
    }

    private static Optimizer sgd() {
        return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)).build();
    }

    private void backward(float x1, float x2, float target) {
        try (NDManager manager = trainer.getManager().newSubManager();
                GradientCollector collector = trainer.newGradientCollector()) {
            NDArray x = manager.create(new float[] {x1, x2}, new Shape(1, 2));
            NDArray y = manager.create(new float[] {target}, new Shape(1, 1));
            NDList out = trainer.forward(new NDList(x));
            collector.backward(trainer.getLoss().evaluate(new NDList(y), out));
        }
    }

    private float[] values() {
        List<Float> all = new ArrayList<>();
        for (NDArray p : parameters) {
            for (float v : p.toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void shouldClipTheGradientTheOptimiserApplies() {
        setUp(sgd());
        try (StepGuard guard = new StepGuard(parameters, 0.5)) {
            backward(30f, 40f, 1000f);
            float[] before = values();
            assertThat(guard.step(trainer)).isEqualTo(StepGuard.Outcome.APPLIED);
            assertThat(guard.lastNorm()).isGreaterThan(1000);
            // SGD with learning rate 1 moves the parameters by exactly the (clipped) gradient
            assertThat(distance(before, values())).isCloseTo(0.5, within(1e-3));
        }
    }

    @Test
    void shouldApplyTheFullGradientWhenBelowTheClipNorm() {
        setUp(sgd());
        try (StepGuard guard = new StepGuard(parameters, 1e9)) {
            backward(3f, 4f, 10f);
            float[] before = values();
            guard.step(trainer);
            assertThat(distance(before, values())).isCloseTo(guard.lastNorm(), within(1e-3));
        }
    }

    @Test
    void shouldSkipAStepWithNonFiniteGradientsAndClearThem() {
        setUp(sgd());
        try (StepGuard guard = new StepGuard(parameters, 1.0)) {
            backward(Float.NaN, 1f, 1f);
            float[] before = values();
            assertThat(guard.step(trainer))
                    .isEqualTo(StepGuard.Outcome.SKIPPED_NON_FINITE_GRADIENT);
            assertThat(values()).containsExactly(before);
            assertThat(guard.gradientNorm()).isZero();
            backward(1f, 2f, 3f);
            assertThat(guard.step(trainer)).isEqualTo(StepGuard.Outcome.APPLIED);
            assertThat(values()).doesNotContain(Float.NaN);
        }
    }

    @Test
    void shouldRestoreParametersWhenAStepMakesOneNonFinite() {
        setUp(new PoisonOptimizer());
        try (StepGuard guard = new StepGuard(parameters, 1.0)) {
            backward(1f, 2f, 3f);
            float[] before = values();
            assertThat(guard.step(trainer))
                    .isEqualTo(StepGuard.Outcome.ROLLED_BACK_NON_FINITE_PARAMETER);
            assertThat(values()).containsExactly(before);
            assertThat(guard.parametersFinite()).isTrue();
        }
    }

    /** An optimiser whose update writes NaN into the weight, as a diverging step would. */
    private static final class PoisonOptimizer extends Optimizer {
        PoisonOptimizer() {
            super(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)));
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            weight.set(new NDIndex("..."), Float.NaN);
        }
    }
}
