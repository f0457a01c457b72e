package dev.heed.eval.demo;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.cli.CsvReadings;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays the shipped NAB samples into the sensors topic, the series interleaved, at a fixed total
 * rate. When a pass ends the next starts with timestamps moved past the previous pass, so the demo
 * can run for as long as asked. A few deliberately bad records show the dead-letter route.
 */
final class DemoReplay {
    static final String[] SAMPLES = {
        "machine_temperature", "nyc_taxi", "ec2_cpu_825cc2", "art_daily_jumpsup"
    };

    private final HeedConfig config;
    private final double rate;
    private final PrintStream out;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String firstFailure;
    private volatile boolean running = true;
    private Thread thread;

    DemoReplay(HeedConfig config, double rate, PrintStream out) {
        this.config = config;
        this.rate = rate;
        this.out = out;
    }

    static List<CsvReadings.Table> samples() {
        List<CsvReadings.Table> tables = new ArrayList<>();
        for (String s : SAMPLES) {
            InputStream in = DemoReplay.class.getResourceAsStream("/demo/" + s + ".csv");
            if (in == null) {
                throw new IllegalStateException(
                        "demo sample /demo/" + s + ".csv missing from the jar");
            }
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                tables.add(CsvReadings.table(r, s + ".csv"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return tables;
    }

    /** Records that each break one rule, with the reason Heed should give. */
    static List<byte[]> badRecords() {
        return List.of(
                DemoCommand.utf8(
                        "{\"series\": \"machine_temperature\", \"ts\": \"yesterday\", \"value\": 1}"),
                DemoCommand.utf8(
                        "{\"series\": \"nyc_taxi\", \"ts\": 1414000000000, \"value\": NaN}"),
                DemoCommand.utf8("{\"series\": \"ec2_cpu_825cc2\", \"ts\": 1397380000000, \"val"),
                DemoCommand.utf8(
                        "{\"series\": \"art_daily_jumpsup\", \"ts\": 1396915200000, "
                                + "\"values\": {\"value\": \"high\"}}"));
    }

    void start() {
        thread = new Thread(this::run, "heed-demo-replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        List<CsvReadings.Table> tables = samples();
        Map<String, Object> props = HeedApp.producerProperties(config);
        props.put("linger.ms", "5");
        String topic = config.getString(HeedKeys.TOPIC_SENSORS);
        List<byte[]> bad = badRecords();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            long t0 = System.nanoTime();
            long i = 0;
            for (int pass = 0; running; pass++) {
                for (int row = 0; running && row < tables.get(0).size(); row++) {
                    for (int s = 0; running && s < tables.size(); s++) {
                        CsvReadings.Table t = tables.get(s);
                        if (row >= t.size()) {
                            continue;
                        }
                        long span =
                                t.ts().get(t.size() - 1)
                                        - t.ts().get(0)
                                        + (t.ts().get(1) - t.ts().get(0));
                        long ts = t.ts().get(row) + pass * span;
                        pace(t0, i++);
                        producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        DemoCommand.utf8(SAMPLES[s]),
                                        CsvReadings.json(
                                                SAMPLES[s], ts, t.names(), t.values().get(row))),
                                this::acked);
                    }
                    if (pass == 0 && row > 0 && row % 100 == 0 && row / 100 <= bad.size()) {
                        byte[] b = bad.get(row / 100 - 1);
                        producer.send(new ProducerRecord<>(topic, null, b), this::acked);
                    }
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            out.println("heed demo: replay stopped: " + e.getMessage());
        }
    }

    /** Counts a record the broker acknowledged, or one it did not take (with the first reason). */
    private void acked(org.apache.kafka.clients.producer.RecordMetadata md, Exception e) {
        if (e == null) {
            sent.incrementAndGet();
        } else if (failed.getAndIncrement() == 0) {
            firstFailure = e.toString();
        }
    }

    private void pace(long t0, long i) {
        if (rate <= 0) {
            return;
        }
        long wait = t0 + (long) (i * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Records the broker acknowledged. */
    long sent() {
        return sent.get();
    }

    /** Stops the replay and waits for the broker to acknowledge or refuse what is in flight. */
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(60_000);
            if (thread.isAlive()) {
                out.println(
                        "heed demo: the replay's producer is still sending after 60 s; the summary "
                                + "counts what the broker acknowledged so far");
            }
        }
        if (failed.get() > 0) {
            out.printf(
                    "heed demo: the broker did not take %d replayed records (first: %s)%n",
                    failed.get(), firstFailure);
        }
    }
}
