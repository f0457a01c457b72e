package dev.heed.models.forecasting;

import dev.heed.models.AttentionMethod;

/**
 * One window's forecast and the per-step weights that explain it.
 *
 * @param prediction {@code [variables][horizon]} forecast in the input's units
 * @param stepWeights {@code [steps]} non-negative weights over the window's time steps, summing to
 *     1 (the mean over variables of {@code variableStepWeights})
 * @param variableStepWeights {@code [variables][steps]} the same weights per variable, each summing
 *     to 1
 * @param method how the weights were made: the method asked for, or {@code rollout} where the model
 *     cannot give it (a gradient method on a model that is not in Heed's {@code djl} format)
 * @param embedding {@code [variables * E]} the network's representation of the window's newest
 *     patch, variable after variable (see {@link PatchTstBlock}); null when the model gives none
 */
public record Forecast(
        float[][] prediction,
        float[] stepWeights,
        float[][] variableStepWeights,
        AttentionMethod method,
        float[] embedding) {

    /** A forecast without an embedding. */
    public Forecast(
            float[][] prediction,
            float[] stepWeights,
            float[][] variableStepWeights,
            AttentionMethod method) {
        this(prediction, stepWeights, variableStepWeights, method, null);
    }
}
