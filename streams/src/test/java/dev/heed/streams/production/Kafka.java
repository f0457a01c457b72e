package dev.heed.streams.production;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients for the production tests: a producer, and a read_committed reader. */
final class Kafka {
    private Kafka() {}

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", "5");
        p.put("max.request.size", "2000000");
        p.put("delivery.timeout.ms", "300000");
        // a full buffer blocks send() instead of failing it after 60 s: the input must be whole
        p.put("max.block.ms", "300000");
        // one request in flight: the topics are created by the heed run started beside this
        // producer, and several in flight can lose a batch on a just-created partition
        // (KAFKA-15591; see HeedApp.producerProperties)
        p.put("max.in.flight.requests.per.connection", "1");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A read_committed consumer of every partition of {@code topic} from the start. It is assigned
     * the partitions, without a consumer group, so that no group coordination (which a broker
     * restart delays) stands between the test and the records.
     */
    static KafkaConsumer<byte[], byte[]> reader(String bootstrap, String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("client.id", "reader-" + UUID.randomUUID());
        p.put("isolation.level", "read_committed");
        KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = List.of();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (parts.isEmpty() && System.nanoTime() < deadline) {
            parts =
                    c.partitionsFor(topic, Duration.ofMinutes(2)).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            if (parts.isEmpty()) {
                pause(); // the topic is not created yet; there is no metadata event to await
            }
        }
        c.assign(parts);
        c.seekToBeginning(parts);
        return c;
    }

    /** How many records {@code topic} holds (the sum of its partitions' end offsets). */
    static long size(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topic)) {
            return c.endOffsets(c.assignment()).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads {@code topic} from the start until {@code done} holds for what was read, or the
     * timeout; then polls 3 s more, so that records beyond the expected ones show up too.
     */
    static List<ConsumerRecord<byte[], byte[]>> readUntil(
            String bootstrap,
            String topic,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
            Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topic)) {
            while (!done.test(out) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            long extra = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < extra) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How many dead letters of each {@code heed.dlq.reason} are in {@code dead}. */
    static Map<String, Integer> reasons(List<ConsumerRecord<byte[], byte[]>> dead) {
        Map<String, Integer> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            out.merge(
                    new String(
                            r.headers().lastHeader("heed.dlq.reason").value(),
                            StandardCharsets.UTF_8),
                    1,
                    Integer::sum);
        }
        return out;
    }

    /** Records of {@code topic} past the committed offsets of consumer group {@code group}. */
    static long uncommitted(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap));
                KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topic)) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> e : c.endOffsets(c.assignment()).entrySet()) {
                OffsetAndMetadata m = committed.get(e.getKey());
                behind += e.getValue() - (m == null ? 0 : m.offset());
            }
            return behind;
        }
    }
}
