package dev.heed.streams.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real processes: a broker from {@code deploy/local-broker.sh} and {@code heed run} from the
 * packaged jar. While a known series set streams in, Heed is killed with SIGKILL three times at
 * random points and restarted, and the broker is restarted once in the middle; then every expected
 * window is counted in the predictions read with {@code isolation.level=read_committed}.
 * exactly_once_v2 must lose and repeat nothing; at_least_once must lose nothing, and its duplicates
 * are reported. Runs with {@code -Pfaults}.
 */
class CrashFaultIT {
    private static final long T0 = 1_704_067_200_000L;
    private static final int SERIES = 12;
    private static final int READINGS = 480;
    private static final int KILLS = 3;

    /** Heed's logs stay here after the run, for a look when a count is off. */
    private static final Path logs = Path.of("target/fault-logs");

    private static final AtomicLong SEND_FAILURES = new AtomicLong();

    @TempDir static Path tmp;
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        java.nio.file.Files.createDirectories(logs);
        broker = new LocalBroker(tmp.resolve("broker"));
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exactly_once_v2", "at_least_once"})
    void shouldCountEveryWindowAfterKillsAndABrokerRestart(String guarantee) throws Exception {
        long seed = System.nanoTime();
        SEND_FAILURES.set(0);
        Random random = new Random(seed);
        String app = "crash-" + guarantee.replace('_', '-');
        List<String> series = IntStream.range(0, SERIES).mapToObj(i -> "s" + i).toList();
        Map<String, String> settings = new HashMap<>();
        settings.put("application.id", app);
        settings.put("topic.sensors", app + ".sensors");
        settings.put("topic.predictions", app + ".predictions");
        settings.put("topic.dlq", app + ".dlq");
        settings.put("topic.partitions", "6");
        settings.put("topic.replication.factor", "1");
        settings.put("processing.guarantee", guarantee);
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1000");
        settings.put("state.dir", tmp.resolve("state-" + guarantee).toString());

        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong progress = new AtomicLong();
        Thread producer =
                new Thread(() -> produce(app + ".sensors", series, producing), "producer");
        Thread watcher =
                new Thread(() -> watch(app + ".predictions", progress, producing), "watch");
        HeedProcess heed =
                HeedProcess.start(
                        broker.bootstrapServers(),
                        settings,
                        "512m",
                        logs.resolve("heed-" + guarantee + ".log"));
        producer.start();
        watcher.start();
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = progress.get();
                awaitProgress(progress, before, heed);
                Thread.sleep(random.nextInt(3000));
                heed.kill9();
                System.out.printf(
                        "crash (%s): kill -9 #%d after %d predictions seen%n",
                        guarantee, kill, progress.get());
                heed =
                        HeedProcess.start(
                                broker.bootstrapServers(),
                                settings,
                                "512m",
                                logs.resolve("heed-" + guarantee + ".log"));
                if (kill == 2) {
                    awaitProgress(progress, progress.get(), heed);
                    broker.stop();
                    Thread.sleep(2000 + random.nextInt(3000));
                    broker.start();
                    System.out.printf("crash (%s): broker restarted%n", guarantee);
                }
            }
            producer.join(Duration.ofMinutes(3).toMillis());
            Ledger ledger = new Ledger(series, READINGS, 64, 8, T0, 60_000L);
            ledger.add(
                    Kafka.readUntil(
                            broker.bootstrapServers(),
                            app + ".predictions",
                            ledger::complete,
                            Duration.ofMinutes(3)));
            int exit = heed.terminate(60);
            Map<String, Integer> reasons = new java.util.TreeMap<>();
            Kafka.readUntil(
                            broker.bootstrapServers(),
                            app + ".dlq",
                            r -> false,
                            Duration.ofSeconds(2))
                    .forEach(
                            r ->
                                    reasons.merge(
                                            new String(
                                                    r.headers()
                                                            .lastHeader("heed.dlq.reason")
                                                            .value(),
                                                    java.nio.charset.StandardCharsets.UTF_8),
                                            1,
                                            Integer::sum));
            Ledger after =
                    new Ledger(series, READINGS, 64, 8, T0, 60_000L)
                            .add(
                                    Kafka.readUntil(
                                            broker.bootstrapServers(),
                                            app + ".predictions",
                                            r -> false,
                                            Duration.ofSeconds(2)));
            System.out.printf(
                    "crash (%s): %d kills, 1 broker restart, seed %d: %s; input records %d "
                            + "(send failures %d); dead letters %s; SIGTERM exit %d; lost %s; read again after "
                            + "SIGTERM: %s%n",
                    guarantee,
                    KILLS,
                    seed,
                    ledger,
                    Kafka.size(broker.bootstrapServers(), app + ".sensors"),
                    SEND_FAILURES.get(),
                    reasons,
                    exit,
                    ledger.lostSample(12),
                    after);
            assertThat(ledger.lost()).as("%s: %s%n%s", guarantee, ledger, heed.logTail()).isZero();
            assertThat(ledger.unexpected()).as(ledger.toString()).isZero();
            if (guarantee.equals("exactly_once_v2")) {
                assertThat(ledger.duplicated()).as(ledger.toString()).isZero();
            }
            assertThat(exit).as("SIGTERM ends heed run").isIn(0, 143);
        } finally {
            producing.set(false);
            heed.close();
            producer.join(10_000);
            watcher.join(10_000);
        }
    }

    private static void awaitProgress(AtomicLong progress, long before, HeedProcess heed)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (progress.get() <= before) {
            if (System.nanoTime() > deadline || !heed.alive()) {
                throw new AssertionError("no new predictions from heed run:\n" + heed.logTail());
            }
            Thread.sleep(100);
        }
    }

    /** One reading per series every 80 ms: about 38 s for the whole set. */
    private static void produce(String topic, List<String> series, AtomicBoolean producing) {
        try (KafkaProducer<byte[], byte[]> p = Kafka.producer(broker.bootstrapServers())) {
            for (int i = 0; i < READINGS && producing.get(); i++) {
                for (String s : series) {
                    double v = 50 + 10 * Math.sin(i / 7.0) + s.length();
                    p.send(
                            new ProducerRecord<>(
                                    topic,
                                    Kafka.utf8(s),
                                    Kafka.utf8(
                                            "{\"series\":\""
                                                    + s
                                                    + "\",\"ts\":"
                                                    + (T0 + i * 60_000L)
                                                    + ",\"value\":"
                                                    + v
                                                    + "}")),
                            (m, e) -> {
                                if (e != null) {
                                    SEND_FAILURES.incrementAndGet();
                                }
                            });
                }
                Thread.sleep(80);
            }
            p.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts predictions as they are written (read_committed), to kill Heed mid-stream. */
    private static void watch(String topic, AtomicLong progress, AtomicBoolean producing) {
        try (KafkaConsumer<byte[], byte[]> c = Kafka.reader(broker.bootstrapServers(), topic)) {
            while (producing.get()) {
                progress.addAndGet(c.poll(Duration.ofMillis(200)).count());
            }
        } catch (RuntimeException e) {
            System.out.println("crash: watcher stopped: " + e);
        }
    }
}
