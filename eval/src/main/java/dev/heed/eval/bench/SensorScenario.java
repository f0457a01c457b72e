package dev.heed.eval.bench;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.app.HeedApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One measured run: a fresh Heed application (own topics, application id and state dir) on the
 * given cluster, a producer offering readings round-robin over {@code series} series at {@code
 * rate} readings/s, and a read_committed consumer of the predictions. Rate 0 is the closed-loop
 * maximum: the producer sends whenever fewer than {@link #MAX_BACKLOG} readings are sent but not
 * yet processed, so the application runs flat out without an ever-growing queue (an unpaced
 * producer would also take the CPU the application needs on a small machine). Before the clock
 * starts every series is filled with one reading short of a window, so windows flow from the first
 * measured second (within {@code fillLimit}: 100,000 series need minutes). Counts over the interval
 * after the warm-up only.
 */
final class SensorScenario {
    private static final Logger LOG = LoggerFactory.getLogger(SensorScenario.class);

    /** Readings sent but not yet processed that the closed-loop maximum allows. */
    static final int MAX_BACKLOG = 2_000;

    /** The figures of one run. */
    record Result(
            String design,
            int series,
            int block,
            int rate,
            double readingsPerSecond,
            double windowsPerSecond,
            double p50Ms,
            double p99Ms,
            int samples,
            long peakRssKib,
            long stateBytes,
            double stepsPerSeries,
            double meanBatch,
            double modelCoreShare,
            CpuSplit.Cores cpu) {}

    private final HeedConfig base;
    private final ModelSource models;
    private final Path workDir;

    SensorScenario(HeedConfig base, ModelSource models, Path workDir) {
        this.base = base;
        this.models = models;
        this.workDir = workDir;
    }

    Result run(
            String id,
            String design,
            int batchMaxSize,
            int series,
            int block,
            int rate,
            Duration fillLimit,
            Duration warmup,
            Duration measure)
            throws InterruptedException {
        Path stateDir = workDir.resolve(id);
        String method =
                design.startsWith(SensorBench.HEED + "_")
                        ? design.substring(SensorBench.HEED.length() + 1)
                        : base.getString(HeedKeys.ATTENTION_METHOD);
        HeedConfig c =
                base.with("application.id", id)
                        .with("state.dir", stateDir.toString())
                        .with(HeedKeys.TOPIC_SENSORS, id + ".sensors")
                        .with(HeedKeys.TOPIC_PREDICTIONS, id + ".predictions")
                        .with(HeedKeys.TOPIC_ANOMALIES, id + ".anomalies")
                        .with(HeedKeys.TOPIC_DLQ, id + ".dlq")
                        .with(HeedKeys.BATCH_MAX_SIZE, Integer.toString(batchMaxSize))
                        .with(HeedKeys.MODEL_WATCH_INTERVAL, "0s")
                        .with(HeedKeys.ATTENTION_METHOD, method);
        int steps = models.current().descriptor().window();
        LatencyProbe probe =
                new LatencyProbe(series, steps, c.getPositiveInt(HeedKeys.WINDOW_STRIDE));
        RouteCounters counters = new RouteCounters();
        ProcessMemory.resetPeak();
        AtomicLongArray window = new AtomicLongArray(new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
        LongAdder batchWindows = new LongAdder();
        LongAdder batchCalls = new LongAdder();
        DoubleAdder modelMs = new DoubleAdder();
        counters.onBatch(
                (size, ms) -> {
                    long now = System.nanoTime();
                    if (now >= window.get(0) && now < window.get(1)) {
                        batchWindows.add(size);
                        batchCalls.increment();
                        modelMs.add(ms);
                    }
                });
        HeedApp app = HeedApp.start(c, models, counters);
        AtomicBoolean stop = new AtomicBoolean();
        long processed;
        long peak;
        CpuSplit.Cores cpu;
        CpuSplit[] split = new CpuSplit[1];
        try {
            if (!app.awaitRunning(Duration.ofSeconds(60))) {
                throw new IllegalStateException(
                        id + ": streams not RUNNING after 60 s: " + app.streams().state());
            }
            Thread reader = new Thread(() -> read(c, id, probe, window, stop), id + "-reader");
            reader.start();
            long inAtStart =
                    produce(
                            c,
                            id,
                            probe,
                            series,
                            block,
                            rate,
                            counters,
                            steps - 1,
                            fillLimit,
                            () -> {
                                long w0 = System.nanoTime() + warmup.toNanos();
                                window.set(1, w0 + measure.toNanos());
                                window.set(0, w0);
                            },
                            window,
                            () -> split[0] = CpuSplit.start(id));
            cpu = split[0] == null ? CpuSplit.Cores.NONE : split[0].stop();
            processed = counters.readingsIn() - inAtStart;
            peak = ProcessMemory.peakRssKib();
            stop.set(true);
            reader.join(10_000);
        } finally {
            stop.set(true);
            app.close();
            deleteTopics(c, id);
        }
        double s = measure.toNanos() / 1e9;
        return new Result(
                design,
                series,
                block,
                rate,
                processed / s,
                probe.received() / s,
                probe.percentileMs(50),
                probe.percentileMs(99),
                probe.samples(),
                peak,
                ProcessMemory.tableBytes(stateDir),
                Math.min(steps, (double) counters.readingsIn() / series),
                (double) batchWindows.sum() / batchCalls.sum(),
                modelMs.sum() / 1000 / s,
                cpu);
    }

    /**
     * Fills every series with {@code fillSteps} readings at the closed-loop maximum (at most {@code
     * fillLimit}) and waits for them to be processed, so that windows flow from the start; then
     * starts the clock ({@code started}) and offers {@code rate} until the end of the measured
     * interval. Returns records-in at the start of that interval.
     */
    private long produce(
            HeedConfig c,
            String id,
            LatencyProbe probe,
            int series,
            int block,
            int rate,
            RouteCounters counters,
            int fillSteps,
            Duration fillLimit,
            Runnable started,
            AtomicLongArray window,
            Runnable measuring) {
        Map<String, Object> p = new HashMap<>(HeedApp.producerProperties(c));
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.getString("bootstrap.servers"));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            Feed feed = new Feed(producer, id + ".sensors", series, probe, block);
            long fillEnd = System.nanoTime() + fillLimit.toNanos();
            while (feed.sent < (long) series * fillSteps && System.nanoTime() < fillEnd) {
                awaitBacklog(feed.sent, counters, fillEnd);
                feed.next();
            }
            producer.flush();
            long drainEnd = System.nanoTime() + fillLimit.toNanos();
            while (counters.readingsIn() < feed.sent && System.nanoTime() < drainEnd) {
                LockSupport.parkNanos(1_000_000);
            }
            started.run();
            long start = System.nanoTime();
            long first = feed.sent;
            long inAtStart = -1;
            while (true) {
                long now = System.nanoTime();
                if (inAtStart < 0 && now >= window.get(0)) {
                    inAtStart = counters.readingsIn();
                    measuring.run();
                }
                if (now >= window.get(1)) {
                    return inAtStart;
                }
                if (rate > 0) {
                    long due = start + (feed.sent - first) * 1_000_000_000L / rate;
                    if (due > now) {
                        LockSupport.parkNanos(due - now);
                    }
                } else {
                    awaitBacklog(feed.sent, counters, window.get(1));
                }
                feed.next();
            }
        }
    }

    /** Deletes the run's topics and changelogs (all named after {@code id}); best effort. */
    private static void deleteTopics(HeedConfig c, String id) {
        Map<String, Object> p = HeedApp.clientProperties(c, AdminClientConfig.configNames());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, c.getString("bootstrap.servers"));
        try (Admin admin = Admin.create(p)) {
            Set<String> mine =
                    admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                            .filter(t -> t.startsWith(id + ".") || t.startsWith(id + "-"))
                            .collect(Collectors.toSet());
            admin.deleteTopics(mine).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not delete the topics of {}: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitBacklog(long sent, RouteCounters counters, long deadline) {
        while (sent - counters.readingsIn() > MAX_BACKLOG && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
    }

    private static void read(
            HeedConfig c,
            String id,
            LatencyProbe probe,
            AtomicLongArray window,
            AtomicBoolean stop) {
        Map<String, Object> p = new HashMap<>(HeedApp.consumerProperties(c));
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, c.getString("bootstrap.servers"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, id + "-bench-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(id + ".predictions"));
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    probe.received(
                            r.key(),
                            LatencyProbe.windowEnd(r.value()),
                            now,
                            now >= window.get(0) && now < window.get(1));
                }
            }
        }
    }
}
