package dev.heed.eval.demo;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.app.HeedApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the predictions and dead-letter topics like any client and shows them in the live view. */
final class DemoWatch {
    private final HeedConfig config;
    private final LiveView view;
    private final AtomicLong predictions = new AtomicLong();
    private volatile boolean running = true;
    private volatile long stopAtNanos = Long.MAX_VALUE;
    private volatile long graceNanos;
    private volatile long expected = Long.MAX_VALUE;
    private Thread thread;

    DemoWatch(HeedConfig config, LiveView view) {
        this.config = config;
        this.view = view;
    }

    void start() {
        thread = new Thread(this::run, "heed-demo-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Map<String, Object> props = HeedApp.consumerProperties(config);
        props.put("group.id", "heed-demo-watch");
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        String predictionsTopic = config.getString(HeedKeys.TOPIC_PREDICTIONS);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            String anomaliesTopic = config.getString(HeedKeys.TOPIC_ANOMALIES);
            String transcriptsTopic = config.getString(HeedKeys.TOPIC_TRANSCRIPTS);
            consumer.subscribe(
                    List.of(
                            predictionsTopic,
                            anomaliesTopic,
                            transcriptsTopic,
                            config.getString(HeedKeys.TOPIC_DLQ)));
            while (running && System.nanoTime() < stopAtNanos) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (stopAtNanos != Long.MAX_VALUE) { // stopping: read what is still in flight
                    if (records.isEmpty() && predictions.get() >= expected) {
                        break;
                    }
                    if (!records.isEmpty()) {
                        stopAtNanos = System.nanoTime() + graceNanos;
                    }
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.topic().equals(predictionsTopic)) {
                        predictions.incrementAndGet();
                        view.prediction(r.value(), System.currentTimeMillis());
                    } else if (r.topic().equals(anomaliesTopic)) {
                        view.anomaly(r.value());
                    } else if (r.topic().equals(transcriptsTopic)) {
                        view.transcript(r.value());
                    } else {
                        view.deadLetter(
                                header(r, "heed.dlq.reason"), header(r, "heed.dlq.message"));
                    }
                }
            }
        } catch (Exception e) {
            if (running) {
                System.err.println("heed demo: watcher stopped: " + e);
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    long predictions() {
        return predictions.get();
    }

    /**
     * Lets the watcher read what is still in flight until it has seen {@code expectedPredictions}
     * and a poll comes back empty, or until nothing came for {@code grace}; then stops it.
     */
    void stop(long expectedPredictions, Duration grace) throws InterruptedException {
        graceNanos = grace.toNanos();
        expected = expectedPredictions;
        stopAtNanos = System.nanoTime() + graceNanos;
        if (thread != null) {
            thread.join(60_000);
        }
        running = false;
    }
}
