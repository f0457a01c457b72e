/**
 * Forecasting: {@link dev.heed.models.forecasting.ModelLoader} loads a forecaster's model directory
 * in any format ({@code djl}, {@code torchscript}, {@code onnx}); a {@link
 * dev.heed.models.forecasting.ForecastModel} hands out one {@link
 * dev.heed.models.forecasting.Forecaster} per worker thread, which turns a batch of windows into
 * {@link dev.heed.models.forecasting.Forecast}s with per-step weights: attention summaries, or, for
 * Heed's own {@code djl} networks, explanations from the network's gradients (relevance by
 * AttnLRP's rules, gradient times input, integrated gradients). Heed's own network is the
 * channel-independent patch transformer {@link dev.heed.models.forecasting.PatchTstBlock}; {@link
 * dev.heed.models.forecasting.ModelExport} writes a trained one as ONNX.
 */
package dev.heed.models.forecasting;
