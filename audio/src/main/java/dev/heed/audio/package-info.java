/**
 * Heed's audio: small processors from raw PCM to model features, pure functions over {@code
 * float[]} in the manner of TarsosDSP. Knows nothing of Kafka.
 */
package dev.heed.audio;
