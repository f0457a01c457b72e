package dev.heed.streams.production;

import dev.heed.streams.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The input of the crash runs and the test's own clients: readings of known series on a fixed
 * schedule, live audio streams, and a watcher of the predictions; every record the test's producers
 * fail to send is counted, so that a loss of the test's is never taken for Heed's.
 */
final class CrashLoad {
    static final long T0 = 1_704_067_200_000L;
    static final long STEP_MS = 60_000L;
    static final int READINGS = 3000;

    private final String bootstrap;
    private final AudioLoad audio;
    final AtomicLong sendFailures = new AtomicLong();

    CrashLoad(String bootstrap, AudioLoad audio) {
        this.bootstrap = bootstrap;
        this.audio = audio;
    }

    /** The value of reading {@code i} of {@code series}. */
    static double value(String series, int i) {
        return 50 + 10 * Math.sin(i / 7.0) + series.length();
    }

    /**
     * The settings of a {@code heed run} of application {@code app}: topics of its own, six
     * partitions, a free HTTP port ({@code http.port} in the result).
     */
    static Map<String, String> settings(String app, Path stateDir) throws Exception {
        Map<String, String> s = new HashMap<>();
        s.put("application.id", app);
        for (String t : new String[] {"sensors", "predictions", "dlq", "anomalies"}) {
            s.put("topic." + t, app + "." + t);
        }
        s.put("topic.audio", app + ".audio");
        s.put("topic.transcripts", app + ".transcripts");
        s.put("topic.partitions", "6");
        s.put("topic.replication.factor", "1");
        s.put("state.dir", stateDir.toString());
        s.put("http.port", Integer.toString(HeedProcess.freePort()));
        return s;
    }

    /**
     * A reading of every series every {@code periodMs} (0: as fast as it goes), on a fixed
     * schedule; {@code rate} gets the readings per second it achieved, times 1000.
     */
    void produce(
            String topic,
            List<String> series,
            AtomicBoolean producing,
            AtomicLong rate,
            long periodMs) {
        try (KafkaProducer<byte[], byte[]> p = Kafka.producer(bootstrap)) {
            long start = System.nanoTime();
            for (int i = 0; i < READINGS && producing.get(); i++) {
                for (String s : series) {
                    String json =
                            "{\"series\":\""
                                    + s
                                    + "\",\"ts\":"
                                    + (T0 + i * STEP_MS)
                                    + ",\"value\":"
                                    + value(s, i)
                                    + "}";
                    p.send(
                            new ProducerRecord<>(topic, Fixtures.utf8(s), Fixtures.utf8(json)),
                            this::counted);
                }
                pace(start, (i + 1) * periodMs);
            }
            p.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            rate.set(Math.round(1000.0 * READINGS * series.size() / seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every stream's next 100 ms chunk every 100 ms: live audio. */
    void speak(String topic, List<String> streams, AtomicBoolean producing) {
        try (KafkaProducer<byte[], byte[]> p = Kafka.producer(bootstrap)) {
            long start = System.nanoTime();
            for (int i = 0; i < audio.chunks() && producing.get(); i++) {
                for (String s : streams) {
                    p.send(audio.chunk(topic, s, i), this::counted);
                }
                pace(start, (i + 1) * 100L);
            }
            p.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts predictions as they are written (read_committed), to kill Heed mid-stream. */
    void watch(String topic, AtomicLong progress, AtomicBoolean producing) {
        try (KafkaConsumer<byte[], byte[]> c = Kafka.reader(bootstrap, topic)) {
            while (producing.get()) {
                progress.addAndGet(c.poll(Duration.ofMillis(200)).count());
            }
        } catch (RuntimeException e) {
            System.out.println("crash: watcher stopped: " + e);
        }
    }

    private void counted(RecordMetadata m, Exception e) {
        if (e != null && sendFailures.incrementAndGet() <= 3) {
            System.out.println("crash: the test's producer failed to send a record: " + e);
        }
    }

    private static void pace(long startNanos, long atMs) throws InterruptedException {
        long wait = startNanos / 1_000_000 + atMs - System.nanoTime() / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
