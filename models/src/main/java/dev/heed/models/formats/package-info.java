/**
 * How a network reaches an engine: the PyTorch and ONNX Runtime engines, offline, on the chosen
 * device ({@link dev.heed.models.formats.Engines}); Heed's own weights file with its SHA-256
 * ({@link dev.heed.models.formats.WeightsFile}, {@link dev.heed.models.formats.ModelParams});
 * bring-your-own TorchScript and ONNX networks ({@link dev.heed.models.formats.TorchScriptFormat},
 * {@link dev.heed.models.formats.OnnxFormat}); and the engine errors worth telling apart ({@link
 * dev.heed.models.formats.EngineErrors}). Knows no particular network: forecasting and speech build
 * on it.
 */
package dev.heed.models.formats;
