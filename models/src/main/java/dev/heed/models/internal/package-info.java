/**
 * Implementation of Heed's models, not API: the DJL blocks of the patch transformer ({@link
 * dev.heed.models.internal.PatchTstBlock} and its layers), the model formats ({@code djl} weights
 * file, {@code torchscript} and {@code onnx} loading) behind one forecaster that all formats share
 * ({@link dev.heed.models.internal.NetworkForecastModel}), the descriptor's JSON form, and training
 * (data, epochs, step guard, evaluation), and the protocol evaluation behind {@link
 * dev.heed.models.ForecastEvaluator} (split, statistics, error sums); for speech, the CTC model
 * ({@link dev.heed.models.internal.SpeechCtcBlock}, {@link
 * dev.heed.models.internal.ConvSubsampling}), the CTC loss from NDArray operations, greedy
 * decoding, and speech training and loading. Classes are package-private
 * unless the public package needs them.
 */
package dev.heed.models.internal;
