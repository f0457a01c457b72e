package dev.heed.models.forecasting;

/**
 * One window's forecast and the attention that explains it.
 *
 * @param prediction {@code [variables][horizon]} forecast in the input's units
 * @param stepWeights {@code [steps]} non-negative weights over the window's time steps, summing to
 *     1 (the mean over variables of {@code variableStepWeights})
 * @param variableStepWeights {@code [variables][steps]} the same weights per variable, each summing
 *     to 1
 */
public record Forecast(float[][] prediction, float[] stepWeights, float[][] variableStepWeights) {}
