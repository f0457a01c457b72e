package dev.heed.streams.internal;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers of a dead-letter record: the original headers plus the reason, a message naming the bad
 * value, and where the record came from.
 */
public final class DeadLetters {
    static final String REASON = "heed.dlq.reason";
    static final String MESSAGE = "heed.dlq.message";
    static final String TOPIC = "heed.dlq.source.topic";
    static final String PARTITION = "heed.dlq.source.partition";
    static final String OFFSET = "heed.dlq.source.offset";

    private DeadLetters() {}

    public static Headers headers(
            Headers original,
            Reason reason,
            String message,
            String topic,
            int partition,
            long offset) {
        Headers h =
                new RecordHeaders(
                        original == null ? new RecordHeaders().toArray() : original.toArray());
        h.add(REASON, utf8(reason.wireName()));
        h.add(MESSAGE, utf8(message));
        h.add(TOPIC, utf8(topic));
        h.add(PARTITION, utf8(Integer.toString(partition)));
        h.add(OFFSET, utf8(Long.toString(offset)));
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
