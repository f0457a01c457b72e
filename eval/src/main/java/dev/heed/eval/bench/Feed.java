package dev.heed.eval.bench;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Readings round-robin over the series: reading k of series s has event time k seconds. With {@code
 * block} readings per record, each record holds the next {@code block} readings of one series as a
 * JSON array.
 */
final class Feed {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int series;
    private final LatencyProbe probe;
    private final byte[][] keys;
    private final int block;
    private final StringBuilder json = new StringBuilder(64);

    /** Readings sent. */
    long sent;

    Feed(
            KafkaProducer<byte[], byte[]> producer,
            String topic,
            int series,
            LatencyProbe probe,
            int block) {
        this.producer = producer;
        this.topic = topic;
        this.series = series;
        this.probe = probe;
        this.block = block;
        this.keys = new byte[series][];
        for (int s = 0; s < series; s++) {
            keys[s] = LatencyProbe.key(s);
        }
    }

    /** Sends one record: one reading, or the next {@code block} readings of one series. */
    void next() {
        long record = sent / block;
        int s = (int) (record % series);
        long k0 = record / series * block;
        json.setLength(0);
        if (block > 1) {
            json.append('[');
        }
        long now = System.nanoTime();
        for (long k = k0; k < k0 + block; k++) {
            if (k > k0) {
                json.append(',');
            }
            json.append("{\"ts\":")
                    .append(LatencyProbe.eventTime(k))
                    .append(",\"value\":")
                    .append((float) (Math.sin(k / 5.0 + s) * 10 + (k % 7) * 0.1))
                    .append('}');
            if (probe.completesWindow(k)) {
                probe.sending(s, k, now);
            }
        }
        if (block > 1) {
            json.append(']');
        }
        producer.send(
                new ProducerRecord<>(
                        topic, keys[s], json.toString().getBytes(StandardCharsets.UTF_8)));
        sent += block;
    }
}
