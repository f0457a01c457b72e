package dev.heed.streams.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two {@code heed run} processes share a four-partition input; once every series has its first
 * prediction, one is killed with SIGKILL and each series gets one more window's readings. Measured:
 * the time from the kill until every series' next prediction is out, without a standby replica (the
 * survivor restores the dead one's state from the changelogs) and with one ({@code
 * num.standby.replicas=1}: it already has it). Nothing may be lost or repeated either way.
 */
class FailoverFaultIT {
    private static final int SERIES = 6_000;
    private static final int STEPS = 64;
    private static final int STRIDE = 8;
    private static final long T0 = 1_704_067_200_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path logs = Path.of("target/fault-logs");

    @TempDir static Path tmp;
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Files.createDirectories(logs);
        broker = new LocalBroker(tmp.resolve("broker"));
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void shouldPredictEverySeriesAgainSoonAfterAnInstanceIsKilled(int standbys) throws Exception {
        String app = "failover-" + standbys;
        List<String> series = IntStream.range(0, SERIES).mapToObj(i -> "f" + i).toList();
        Map<String, String> settings = new HashMap<>();
        settings.put("application.id", app);
        settings.put("topic.sensors", app + ".sensors");
        settings.put("topic.predictions", app + ".predictions");
        settings.put("topic.dlq", app + ".dlq");
        settings.put("topic.partitions", "4");
        settings.put("topic.replication.factor", "1");
        settings.put("processing.guarantee", "exactly_once_v2");
        settings.put("num.standby.replicas", Integer.toString(standbys));
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1000");
        settings.put("window.stride", Integer.toString(STRIDE));
        settings.put("http.enabled", "false");
        HeedProcess a = start(settings, app, "a");
        HeedProcess b = start(settings, app, "b");
        try (KafkaProducer<byte[], byte[]> p = Kafka.producer(broker.bootstrapServers())) {
            produce(p, app + ".sensors", series, 0, STEPS);
            List<ConsumerRecord<byte[], byte[]>> first =
                    Kafka.readUntil(
                            broker.bootstrapServers(),
                            app + ".predictions",
                            r -> r.size() >= SERIES,
                            Duration.ofMinutes(5));
            assertThat(first).as("first windows").hasSize(SERIES);
            Thread.sleep(5_000); // standbys catch up with the changelogs
            assertThat(a.alive()).as("instance a runs:%n%s", a.logTail()).isTrue();
            assertThat(b.alive()).as("instance b runs:%n%s", b.logTail()).isTrue();
            a.kill9();
            long killedAt = System.nanoTime();
            produce(p, app + ".sensors", series, STEPS, STEPS + STRIDE);
            AtomicLong doneAt = new AtomicLong();
            List<ConsumerRecord<byte[], byte[]>> all =
                    Kafka.readUntil(
                            broker.bootstrapServers(),
                            app + ".predictions",
                            r -> {
                                boolean done = r.size() >= 2 * SERIES;
                                if (done && doneAt.get() == 0) {
                                    doneAt.set(System.nanoTime());
                                }
                                return done;
                            },
                            Duration.ofMinutes(5));
            double seconds = (doneAt.get() - killedAt) / 1e9;
            Set<String> windows = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : all) {
                JsonNode j = JSON.readTree(r.value());
                windows.add(j.path("series").asText() + "@" + j.path("window").path("end_ms"));
            }
            System.out.printf(
                    "failover (num.standby.replicas=%d, %d series, 2 instances, kill -9 of one):"
                            + " every series' next prediction %.1f s after the kill%n",
                    standbys, SERIES, seconds);
            assertThat(doneAt.get()).as("every series predicted again").isPositive();
            assertThat(b.alive()).as("the survivor runs").isTrue();
            assertThat(windows).as("none lost").hasSize(2 * SERIES);
            assertThat(all).as("none repeated").hasSize(2 * SERIES);
        } finally {
            a.close();
            b.close();
        }
    }

    private static HeedProcess start(Map<String, String> settings, String app, String name)
            throws Exception {
        Map<String, String> own = new HashMap<>(settings);
        own.put("state.dir", tmp.resolve("state-" + app + "-" + name).toString());
        return HeedProcess.start(
                broker.bootstrapServers(), own, "512m", logs.resolve(app + "-" + name + ".log"));
    }

    private static void produce(
            KafkaProducer<byte[], byte[]> p, String topic, List<String> series, int from, int to) {
        for (int i = from; i < to; i++) {
            for (String s : series) {
                p.send(
                        new ProducerRecord<>(
                                topic,
                                Fixtures.utf8(s),
                                Fixtures.utf8(
                                        "{\"ts\":"
                                                + (T0 + i * 60_000L)
                                                + ",\"value\":"
                                                + (Math.sin(i / 5.0) + s.hashCode() % 7)
                                                + "}")));
            }
        }
        p.flush();
    }
}
