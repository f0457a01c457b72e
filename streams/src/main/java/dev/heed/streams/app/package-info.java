/**
 * The running application: {@link dev.heed.streams.app.HeedApp} wires the topologies to a broker
 * (the embedded one or {@code bootstrap.servers}), creates the topics and runs Kafka Streams until
 * closed; {@link dev.heed.streams.app.ModelWatcher} swaps in a new forecaster version without a
 * restart.
 */
package dev.heed.streams.app;
