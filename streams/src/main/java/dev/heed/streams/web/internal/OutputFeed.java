package dev.heed.streams.web.internal;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.app.HeedApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the predictions, anomalies and transcripts topics like any client: its own consumer, no
 * group and no commits, every partition assigned, starting a little before the end so a new page
 * has some history. Topics that do not exist yet are looked for again every few seconds. When the
 * broker cannot be reached the feed says so ({@link RecordSink#status}) and tries again, waiting 1
 * s, then twice as long each time up to 30 s; it goes on from where it was.
 */
public final class OutputFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputFeed.class);
    private static final long REASSIGN_MS = 5_000;
    private static final long FIRST_BACKOFF_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final HeedConfig config;
    private final RecordSink sink;
    private final Map<String, Integer> backfill;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean backingOff;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /** Receives each record of a watched topic, on the feed's thread. */
    public interface RecordSink {
        void accept(ConsumerRecord<byte[], byte[]> record);

        /** The feed's state: {@code reading}, or {@code retrying} with what went wrong. */
        default void status(String state, String detail) {}
    }

    public OutputFeed(HeedConfig config, RecordSink sink) {
        this.config = config;
        this.sink = sink;
        this.backfill =
                Map.of(
                        config.getString(HeedKeys.TOPIC_PREDICTIONS), 2 * LiveState.PER_SERIES,
                        config.getString(HeedKeys.TOPIC_ANOMALIES), LiveState.ANOMALIES,
                        config.getString(HeedKeys.TOPIC_TRANSCRIPTS), LiveState.TRANSCRIPTS);
        this.thread = new Thread(this::run, "heed-dashboard-feed");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        Map<String, Object> props = HeedApp.consumerProperties(config);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "heed-dashboard");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        KafkaConsumer<byte[], byte[]> c;
        try {
            c =
                    new KafkaConsumer<>(
                            props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            LOG.error("dashboard feed cannot start; the dashboard shows no new records", e);
            sink.status("stopped", e.toString());
            return;
        }
        try {
            consumer = c;
            long nextAssign = 0;
            long backoff = FIRST_BACKOFF_MS;
            boolean reading = false;
            while (running) {
                try {
                    if (System.currentTimeMillis() >= nextAssign) {
                        nextAssign =
                                System.currentTimeMillis()
                                        + (assign(c) ? 6 * REASSIGN_MS : REASSIGN_MS);
                    }
                    if (c.assignment().isEmpty()) {
                        Thread.sleep(200);
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(250))) {
                        sink.accept(r);
                    }
                    if (!reading) {
                        sink.status("reading", "");
                        reading = true;
                        backoff = FIRST_BACKOFF_MS;
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    reading = false;
                    String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.warn("dashboard feed: {}; trying again in {} ms", why, backoff);
                    sink.status("retrying", why + "; trying again in " + backoff / 1000 + " s");
                    backingOff = true;
                    try {
                        Thread.sleep(backoff);
                    } finally {
                        backingOff = false;
                    }
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                    nextAssign = 0;
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("dashboard feed stopped; the dashboard shows no new records", e);
            sink.status("stopped", e.toString());
        } finally {
            Thread.interrupted(); // an interrupt that ended a back-off must not cut the close short
            c.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** Assigns every partition of the watched topics that exist; true when all of them exist. */
    private boolean assign(KafkaConsumer<byte[], byte[]> c) {
        Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(5));
        List<TopicPartition> all = new ArrayList<>();
        Set<TopicPartition> fresh = new HashSet<>();
        for (String t : backfill.keySet()) {
            for (PartitionInfo p : topics.getOrDefault(t, List.of())) {
                TopicPartition tp = new TopicPartition(t, p.partition());
                all.add(tp);
                if (!c.assignment().contains(tp)) {
                    fresh.add(tp);
                }
            }
        }
        if (!fresh.isEmpty()) {
            c.assign(all);
            Map<TopicPartition, Long> end = c.endOffsets(fresh);
            Map<TopicPartition, Long> begin = c.beginningOffsets(fresh);
            for (TopicPartition tp : fresh) {
                c.seek(tp, Math.max(begin.get(tp), end.get(tp) - backfill.get(tp.topic())));
            }
            LOG.info("dashboard reads {} partitions of {}", all.size(), backfill.keySet());
        }
        return backfill.keySet().stream().allMatch(topics::containsKey);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (backingOff) {
            thread.interrupt(); // ends the back-off; never the consumer's own close
        }
        thread.join(10_000);
    }
}
