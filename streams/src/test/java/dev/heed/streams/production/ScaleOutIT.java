package dev.heed.streams.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.TestKafka;
import dev.heed.streams.app.HeedApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Heed instances (one application id, their own state dirs) share a six-partition input on a
 * real broker; one stops mid-stream, the other two take its partitions over, and every window still
 * gets exactly one prediction (exactly_once_v2). Some readings are also sent under another series'
 * key: the record key is authoritative (one series, one state), so each of those is dead-lettered
 * as {@code series_key_mismatch} and no series gets a second window sequence elsewhere.
 */
class ScaleOutIT {
    private static final int PARTITIONS = 6;
    private static final int SERIES = 12;
    private static final int READINGS = 240;
    private static final long T0 = 1_704_067_200_000L;
    private static final int MISKEYED_EVERY = 5;

    @TempDir Path tmp;

    @Test
    void shouldSpreadPartitionsAndLoseOrRepeatNoWindowWhenAnInstanceStopsMidStream()
            throws Exception {
        String app = "scale-" + UUID.randomUUID();
        List<String> series = IntStream.range(0, SERIES).mapToObj(i -> "s" + i).toList();
        try (TestKafka kafka = TestKafka.start()) {
            Map<String, String> base = new HashMap<>();
            base.put("bootstrap.servers", kafka.bootstrapServers());
            base.put("application.id", app);
            base.put(HeedKeys.TOPIC_SENSORS, app + ".sensors");
            base.put(HeedKeys.TOPIC_PREDICTIONS, app + ".predictions");
            base.put(HeedKeys.TOPIC_DLQ, app + ".dlq");
            base.put(HeedKeys.TOPIC_PARTITIONS, Integer.toString(PARTITIONS));
            base.put(HeedKeys.TOPIC_REPLICATION, "1");
            base.put("processing.guarantee", "exactly_once_v2");
            base.put("session.timeout.ms", "6000");
            base.put("heartbeat.interval.ms", "1000");
            List<HeedApp> apps = new ArrayList<>();
            List<RouteCounters> counters = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RouteCounters c = new RouteCounters();
                    counters.add(c);
                    apps.add(
                            HeedApp.start(
                                    HeedConfig.of(base)
                                            .with(
                                                    "state.dir",
                                                    tmp.resolve("state-" + i).toString()),
                                    ModelSource.of(Fixtures.model()),
                                    c));
                }
                await(
                        "partitions spread over the three instances",
                        Duration.ofSeconds(120),
                        () -> spread(apps, app + ".sensors"));
                List<Set<Integer>> before =
                        apps.stream().map(a -> partitions(a, app + ".sensors")).toList();
                System.out.println("scale-out: partitions by instance " + before);
                before.forEach(p -> assertThat(p).as("every instance has work").isNotEmpty());

                int miskeyed = 0;
                try (KafkaProducer<byte[], byte[]> p = Kafka.producer(kafka.bootstrapServers())) {
                    miskeyed += produce(p, app + ".sensors", series, 0, READINGS / 2);
                    await(
                            "predictions on every instance",
                            Duration.ofSeconds(120),
                            () -> counters.stream().allMatch(c -> c.predictions() > 0));
                    apps.get(0).close();
                    long stoppedAfter = counters.get(0).predictions();
                    miskeyed += produce(p, app + ".sensors", series, READINGS / 2, READINGS);
                    List<HeedApp> rest = apps.subList(1, 3);
                    await(
                            "the two others take over all partitions",
                            Duration.ofSeconds(120),
                            () -> spread(rest, app + ".sensors"));
                    System.out.println(
                            "scale-out: after the stop "
                                    + rest.stream()
                                            .map(a -> partitions(a, app + ".sensors"))
                                            .toList()
                                    + "; stopped instance made "
                                    + stoppedAfter
                                    + " predictions");
                }
                Ledger ledger = new Ledger(series, READINGS, 64, 8, T0, 60_000L);
                ledger.add(
                        Kafka.readUntil(
                                kafka.bootstrapServers(),
                                app + ".predictions",
                                ledger::complete,
                                Duration.ofSeconds(180)));
                int expectedDead = miskeyed;
                Map<String, Integer> reasons =
                        Kafka.reasons(
                                Kafka.readUntil(
                                        kafka.bootstrapServers(),
                                        app + ".dlq",
                                        r -> r.size() >= expectedDead,
                                        Duration.ofSeconds(60)));
                System.out.println(
                        "scale-out (exactly_once_v2): "
                                + miskeyed
                                + " readings sent under another series' key, dead letters "
                                + reasons
                                + "; "
                                + ledger
                                + "; predictions by instance "
                                + counters.stream().map(RouteCounters::predictions).toList());
                assertThat(ledger.lost()).as(ledger.toString()).isZero();
                assertThat(ledger.duplicated()).as(ledger.toString()).isZero();
                assertThat(ledger.unexpected()).as(ledger.toString()).isZero();
                assertThat(reasons)
                        .as("every mis-keyed reading refused, nothing else")
                        .isEqualTo(Map.of("series_key_mismatch", miskeyed));
                assertThat(counters.get(1).predictions() + counters.get(2).predictions())
                        .as("the survivors made the rest")
                        .isPositive();
            } finally {
                apps.subList(1, apps.size()).forEach(HeedApp::close);
            }
        }
    }

    /**
     * Sends readings {@code from..to} of every series under its own key and, every {@link
     * #MISKEYED_EVERY}th step, the same reading of one series again under its neighbour's key (a
     * producer that keys by something else): with the series field authoritative those would give
     * the series a second state on another partition or instance. Returns how many were mis-keyed.
     */
    private static int produce(
            KafkaProducer<byte[], byte[]> p, String topic, List<String> series, int from, int to) {
        int miskeyed = 0;
        for (int i = from; i < to; i++) {
            for (int k = 0; k < series.size(); k++) {
                String s = series.get(k);
                String reading = reading(s, i);
                p.send(new ProducerRecord<>(topic, Fixtures.utf8(s), Fixtures.utf8(reading)));
                if (i % MISKEYED_EVERY == 0 && k == i / MISKEYED_EVERY % series.size()) {
                    String other = series.get((k + 1) % series.size());
                    p.send(
                            new ProducerRecord<>(
                                    topic, Fixtures.utf8(other), Fixtures.utf8(reading)));
                    miskeyed++;
                }
            }
        }
        p.flush();
        return miskeyed;
    }

    private static String reading(String s, int i) {
        double v = Fixtures.wave(i) + s.hashCode() % 7;
        return "{\"series\":\"" + s + "\",\"ts\":" + (T0 + i * 60_000L) + ",\"value\":" + v + "}";
    }

    /** Every instance has partitions, together all of them, none twice. */
    private static boolean spread(List<HeedApp> apps, String topic) {
        Set<Integer> all = new HashSet<>();
        int total = 0;
        for (HeedApp a : apps) {
            Set<Integer> mine = partitions(a, topic);
            if (mine.isEmpty()) {
                return false;
            }
            all.addAll(mine);
            total += mine.size();
        }
        return all.size() == PARTITIONS && total == PARTITIONS;
    }

    private static Set<Integer> partitions(HeedApp app, String topic) {
        Set<Integer> out = new HashSet<>();
        for (ThreadMetadata t : app.streams().metadataForLocalThreads()) {
            for (TaskMetadata task : t.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (tp.topic().equals(topic)) {
                        out.add(tp.partition());
                    }
                }
            }
        }
        return out;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
