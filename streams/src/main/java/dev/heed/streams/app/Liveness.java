package dev.heed.streams.app;

/**
 * What {@code /health/live} and {@code /health/ready} say.
 *
 * @param live false when Kafka Streams failed or stopped, or a stream thread is stuck
 * @param ready true when Kafka Streams is RUNNING
 * @param state Kafka Streams' state
 * @param detail why not live, or empty
 */
public record Liveness(boolean live, boolean ready, String state, String detail) {}
