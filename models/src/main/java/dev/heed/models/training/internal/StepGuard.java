package dev.heed.models.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.Trainer;
import java.util.List;

/**
 * Applies one optimiser step safely: clips gradients by their global L2 norm, skips steps whose
 * gradients are not finite, and restores the parameters when a step makes any of them non-finite.
 *
 * <p>Clipping scales each gradient array in place; the PyTorch engine hands out gradients as views
 * of the parameters' {@code .grad} tensors, so the optimiser reads the scaled values (a test checks
 * this with SGD, where the update equals the gradient). A skipped step zeroes the gradients itself,
 * since the PyTorch engine accumulates them and only the optimiser's update clears them.
 */
public final class StepGuard implements AutoCloseable {

    /** What became of a step. */
    public enum Outcome {
        APPLIED,
        SKIPPED_NON_FINITE_GRADIENT,
        ROLLED_BACK_NON_FINITE_PARAMETER
    }

    private final List<NDArray> parameters;
    private final double clipNorm;
    private final ParameterSnapshot snapshot;
    private double lastNorm = Double.NaN;

    /**
     * @param parameters the trainable parameter arrays, as the trainer updates them
     * @param clipNorm the largest global gradient norm; 0 disables clipping
     */
    public StepGuard(List<NDArray> parameters, double clipNorm) {
        this.parameters = parameters;
        this.clipNorm = clipNorm;
        this.snapshot = new ParameterSnapshot(parameters);
    }

    public Outcome step(Trainer trainer) {
        double norm = gradientNorm();
        lastNorm = norm;
        if (!Double.isFinite(norm)) {
            zeroGradients();
            return Outcome.SKIPPED_NON_FINITE_GRADIENT;
        }
        if (clipNorm > 0 && norm > clipNorm) {
            scaleGradients((float) (clipNorm / (norm + 1e-6)));
        }
        snapshot.capture();
        trainer.step();
        if (!parametersFinite()) {
            snapshot.restore();
            return Outcome.ROLLED_BACK_NON_FINITE_PARAMETER;
        }
        return Outcome.APPLIED;
    }

    /** The global gradient norm before clipping of the last step. */
    double lastNorm() {
        return lastNorm;
    }

    /** sqrt of the sum of squares of every gradient element. */
    double gradientNorm() {
        double sum = 0;
        for (NDArray p : parameters) {
            try (NDArray g = p.getGradient();
                    NDArray squares = g.square();
                    NDArray total = squares.sum()) {
                sum += total.getFloat();
            }
        }
        return Math.sqrt(sum);
    }

    private void scaleGradients(float factor) {
        for (NDArray p : parameters) {
            try (NDArray g = p.getGradient()) {
                g.muli(factor);
            }
        }
    }

    private void zeroGradients() {
        for (NDArray p : parameters) {
            try (NDArray g = p.getGradient()) {
                g.set(new NDIndex("..."), 0f);
            }
        }
    }

    boolean parametersFinite() {
        for (NDArray p : parameters) {
            try (NDArray abs = p.abs();
                    NDArray max = abs.max()) {
                if (!Float.isFinite(max.getFloat())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
