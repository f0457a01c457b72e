/**
 * Kafka plumbing: the embedded single-node KRaft broker that {@code heed run} and {@code heed demo}
 * start when no {@code bootstrap.servers} is configured, and creation of Heed's topics.
 */
package dev.heed.streams.kafka;
