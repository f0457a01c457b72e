/**
 * Heed's models: self-attention forecasters, how they are trained, saved, loaded and placed on a
 * device, and how their attention becomes per-time-step weights. Knows nothing of Kafka.
 *
 * <p>Entry points: {@link dev.heed.models.ModelLoader} loads a model directory described by a
 * {@link dev.heed.models.ModelDescriptor}, in Heed's own {@code djl} format or exported from
 * PyTorch as {@code torchscript} or {@code onnx}; a {@link dev.heed.models.ForecastModel} hands out
 * one {@link dev.heed.models.Forecaster} per worker thread. {@link
 * dev.heed.models.ForecastTrainer} trains a model; {@link dev.heed.models.ForecastEvaluator}
 * scores one on a CSV file by the standard long-horizon protocol.
 *
 * <p>Speech: {@link dev.heed.models.SpeechModel#load} loads a CTC speech model directory ({@link
 * dev.heed.models.SpeechDescriptor}, same three formats); a {@link dev.heed.models.Transcriber}
 * per thread turns log-mel frames into a {@link dev.heed.models.Transcript} of {@link
 * dev.heed.models.SpeechToken}s with times, confidence and attention. {@link
 * dev.heed.models.SpeechTrainer} trains Heed's conv-transformer CTC model.
 */
package dev.heed.models;
