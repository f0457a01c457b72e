/**
 * Heed's Kafka Streams application: configuration ({@link dev.heed.streams.HeedConfig}), the sensor
 * topology ({@link dev.heed.streams.SensorTopology#build}), the running application ({@link
 * dev.heed.streams.HeedApp}) and its counters.
 */
package dev.heed.streams;
