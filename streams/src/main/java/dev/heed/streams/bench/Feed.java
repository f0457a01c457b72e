package dev.heed.streams.bench;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Readings round-robin over the series: reading k of series s has event time k seconds. */
final class Feed {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final int series;
  private final LatencyProbe probe;
  private final byte[][] keys;
  private final StringBuilder json = new StringBuilder(64);
  long sent;

  Feed(KafkaProducer<byte[], byte[]> producer, String topic, int series, LatencyProbe probe) {
    this.producer = producer;
    this.topic = topic;
    this.series = series;
    this.probe = probe;
    this.keys = new byte[series][];
    for (int s = 0; s < series; s++) {
      keys[s] = LatencyProbe.key(s);
    }
  }

  void next() {
    int s = (int) (sent % series);
    long k = sent / series;
    json.setLength(0);
    json.append("{\"ts\":").append(LatencyProbe.eventTime(k)).append(",\"value\":")
        .append((float) (Math.sin(k / 5.0 + s) * 10 + (k % 7) * 0.1)).append('}');
    if (probe.completesWindow(k)) {
      probe.sending(s, k, System.nanoTime());
    }
    producer.send(new ProducerRecord<>(topic, keys[s],
        json.toString().getBytes(StandardCharsets.UTF_8)));
    sent++;
  }
}
