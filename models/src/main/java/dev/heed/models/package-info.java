/**
 * Heed's models: self-attention forecasters, how they are trained, saved, loaded and placed on a
 * device, and how their attention becomes per-time-step weights. Knows nothing of Kafka.
 *
 * <p>Entry points: {@link dev.heed.models.ModelLoader} loads a model directory described by a
 * {@link dev.heed.models.ModelDescriptor}; a {@link dev.heed.models.ForecastModel} hands out one
 * {@link dev.heed.models.Forecaster} per worker thread.
 */
package dev.heed.models;
