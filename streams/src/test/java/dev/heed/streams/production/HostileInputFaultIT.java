package dev.heed.streams.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.fuzz.Hostile;
import dev.heed.streams.fuzz.HostileSensorRecords;
import dev.heed.streams.fuzz.SensorDeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 hostile sensor records (the jqwik generators of the fuzz test) with good readings
 * interleaved, produced to a real broker process and read by {@code heed run} as its own process
 * (-Xmx512m): all of them are dead letters with a reason (a block of readings one per element),
 * every good window is predicted, the process stays up, and its peak RSS ({@code VmHWM}) is
 * reported. Runs with {@code -Pfaults}.
 */
class HostileInputFaultIT {
    private static final int HOSTILE = 100_000;
    private static final int EVERY = 12;

    /** A sanity bound on the peak RSS of a JVM with -Xmx512m plus RocksDB and PyTorch natives. */
    private static final long RSS_BOUND_KB = 1_536 * 1024;

    @TempDir Path tmp;

    @Test
    void shouldDeadLetterAHundredThousandHostileRecordsWithBoundedMemory() throws Exception {
        List<String> good = IntStream.range(0, 8).mapToObj(i -> "good-" + i).toList();
        Map<String, String> settings =
                Map.of(
                        "application.id",
                        "hostile",
                        "state.dir",
                        tmp.resolve("state").toString(),
                        "topic.partitions",
                        "3",
                        "topic.replication.factor",
                        "1");
        Path logs = java.nio.file.Files.createDirectories(Path.of("target/fault-logs"));
        try (LocalBroker broker = new LocalBroker(tmp.resolve("broker"))) {
            broker.start();
            try (HeedProcess heed =
                    HeedProcess.start(
                            broker.bootstrapServers(),
                            settings,
                            "512m",
                            logs.resolve("heed-hostile.log"))) {
                AtomicLong peak = new AtomicLong();
                Thread sampler = new Thread(() -> sample(heed, peak), "rss");
                sampler.setDaemon(true);
                sampler.start();
                Map<String, Integer> kinds = new TreeMap<>();
                SensorDeadLetters oracle = new SensorDeadLetters(65_536);
                long expecting = 0;
                int readings;
                try (KafkaProducer<byte[], byte[]> p = Kafka.producer(broker.bootstrapServers())) {
                    int[] next = new int[good.size()];
                    for (String s : good) {
                        p.send(goodReading(s, next[good.indexOf(s)]++));
                    }
                    Iterator<Hostile> hostile =
                            new HostileSensorRecords(65_536, good)
                                    .records()
                                    .sampleStream()
                                    .limit(HOSTILE)
                                    .iterator();
                    int g = 0;
                    for (int i = 0; hostile.hasNext(); i++) {
                        Hostile h = hostile.next();
                        kinds.merge(h.kind(), 1, Integer::sum);
                        expecting += oracle.count(h.value());
                        p.send(
                                new ProducerRecord<>(
                                        "heed.sensors", null, h.key(), h.value(), h.headers()));
                        if (i % EVERY == 0) {
                            String s = good.get(g++ % good.size());
                            p.send(goodReading(s, next[good.indexOf(s)]++));
                        }
                    }
                    readings = next[0];
                    for (int k = 0; k < good.size(); k++) {
                        while (next[k] < readings) {
                            p.send(goodReading(good.get(k), next[k]++));
                        }
                    }
                }
                long expectedDead = expecting; // a block's bad elements are dead letters one by one
                List<ConsumerRecord<byte[], byte[]>> dead =
                        Kafka.readUntil(
                                broker.bootstrapServers(),
                                "heed.dlq",
                                r -> r.size() >= expectedDead,
                                Duration.ofMinutes(6));
                Ledger ledger = new Ledger(good, readings, 64, 8, HostileSensorRecords.T0, 60_000L);
                ledger.add(
                        Kafka.readUntil(
                                broker.bootstrapServers(),
                                "heed.predictions",
                                ledger::complete,
                                Duration.ofMinutes(2)));
                Map<String, Integer> reasons = new TreeMap<>();
                dead.forEach(
                        r ->
                                reasons.merge(
                                        new String(
                                                r.headers().lastHeader("heed.dlq.reason").value(),
                                                StandardCharsets.UTF_8),
                                        1,
                                        Integer::sum));
                long hwm = Math.max(peak.get(), heed.statusKb("VmHWM"));
                System.out.printf(
                        "hostile input on a broker: %d hostile records sent %s, %d dead letters"
                                + " (%d expected) %s; good: %s; heed run peak RSS (VmHWM) %d MiB with -Xmx512m%n",
                        HOSTILE, kinds, dead.size(), expectedDead, reasons, ledger, hwm / 1024);
                boolean alive = heed.alive();
                int exit = heed.terminate(60);
                Ledger after =
                        new Ledger(good, readings, 64, 8, HostileSensorRecords.T0, 60_000L)
                                .add(
                                        Kafka.readUntil(
                                                broker.bootstrapServers(),
                                                "heed.predictions",
                                                r -> false,
                                                Duration.ofSeconds(2)));
                System.out.printf(
                        "hostile input on a broker: lost %s; after SIGTERM (exit %d): %s%n",
                        ledger.lostSample(12), exit, after);
                assertThat(alive).as(heed.logTail()).isTrue();
                assertThat(dead).as(heed.logTail()).hasSize((int) expectedDead);
                assertThat(reasons).doesNotContainKey("forged");
                assertThat(ledger.lost() + ledger.duplicated() + ledger.unexpected())
                        .as(ledger.toString())
                        .isZero();
                assertThat(hwm).as("peak RSS in kB").isLessThan(RSS_BOUND_KB);
                assertThat(exit).isIn(0, 143);
            }
        }
    }

    private static ProducerRecord<byte[], byte[]> goodReading(String s, int i) {
        return new ProducerRecord<>(
                "heed.sensors",
                Kafka.utf8(s),
                Kafka.utf8(
                        HostileSensorRecords.reading(
                                s,
                                "" + (HostileSensorRecords.T0 + i * 60_000L),
                                "" + (50 + 10 * Math.sin(i / 9.0)))));
    }

    private static void sample(HeedProcess heed, AtomicLong peak) {
        while (heed.alive()) {
            try {
                peak.accumulateAndGet(heed.statusKb("VmHWM"), Math::max);
                Thread.sleep(1000);
            } catch (Exception e) {
                return;
            }
        }
    }
}
