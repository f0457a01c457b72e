/**
 * Heed's Kafka Streams application. This package is the vocabulary the rest of the module shares:
 * configuration ({@link dev.heed.streams.HeedConfig}, {@link dev.heed.streams.HeedKeys}), the model
 * a topology reads ({@link dev.heed.streams.ModelSource}), the route counters and the module's
 * exceptions. The concerns sit in subpackages, dependencies pointing one way (ArchUnit keeps them
 * so):
 *
 * <ul>
 *   <li>{@link dev.heed.streams.sensors}: the sensor topology (readings to predictions, anomalies
 *       and dead letters);
 *   <li>{@link dev.heed.streams.transcription}: the audio topology (chunks to transcripts);
 *   <li>{@link dev.heed.streams.kafka}: the embedded broker and topic creation;
 *   <li>{@link dev.heed.streams.app}: the running application and model hot swap;
 *   <li>{@link dev.heed.streams.metrics} and {@link dev.heed.streams.web}: metrics, dashboard and
 *       health;
 *   <li>{@link dev.heed.streams.cli}: {@code heed run}, {@code send} and {@code tail}.
 * </ul>
 */
package dev.heed.streams;
