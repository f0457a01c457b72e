/**
 * Heed's models: self-attention forecasters and a speech recogniser, how they are trained, saved,
 * loaded and placed on a device, and how their attention becomes per-time-step weights. Knows
 * nothing of Kafka.
 *
 * <p>This package is the vocabulary every concern shares: the model directory's descriptor ({@link
 * dev.heed.models.ModelDescriptor}), the attention summary it asks for ({@link
 * dev.heed.models.AttentionMethod}), the device ({@link dev.heed.models.DeviceChoice}) and the
 * module's exceptions. The concerns sit in subpackages, each with its own small API and an {@code
 * internal} package; dependencies point one way (ArchUnit keeps them so):
 *
 * <ul>
 *   <li>{@link dev.heed.models.attention}: attention summaries (per-step weights from attention
 *       tensors);
 *   <li>{@link dev.heed.models.nn}: the DJL blocks both networks are built of;
 *   <li>{@link dev.heed.models.formats}: engines, weights files, TorchScript and ONNX loading;
 *   <li>{@link dev.heed.models.forecasting}: the patch transformer forecaster and its loader;
 *   <li>{@link dev.heed.models.speech}: the CTC speech model, its decoder and transcriber;
 *   <li>{@link dev.heed.models.data}: CSV series and the protocol's chronological splits;
 *   <li>{@link dev.heed.models.training}: training both models (loop, options, progress).
 * </ul>
 *
 * <p>What {@code heed run} needs is attention, nn, formats, forecasting and speech; data and
 * training serve {@code heed train} and the evaluations of the {@code eval} module.
 */
package dev.heed.models;
