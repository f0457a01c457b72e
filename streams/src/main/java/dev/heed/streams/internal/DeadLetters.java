package dev.heed.streams.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead-letter records: the original key, value and headers plus the reason, a message naming the
 * bad value, and where the record came from, bounded by {@code output.max.bytes} so that no input
 * can make Heed write a record the broker refuses. What does not fit is cut and the cut is said in
 * headers: the value keeps its first bytes ({@code heed.dlq.value.truncated} = its full length),
 * the key likewise ({@code heed.dlq.key.truncated}), the original headers are dropped ({@code
 * heed.dlq.headers.dropped} = their count); the source topic, partition and offset always find the
 * original.
 */
public final class DeadLetters {
    static final String REASON = "heed.dlq.reason";
    static final String MESSAGE = "heed.dlq.message";
    static final String TOPIC = "heed.dlq.source.topic";
    static final String PARTITION = "heed.dlq.source.partition";
    static final String OFFSET = "heed.dlq.source.offset";
    static final String VALUE_TRUNCATED = "heed.dlq.value.truncated";
    static final String KEY_TRUNCATED = "heed.dlq.key.truncated";
    static final String HEADERS_DROPPED = "heed.dlq.headers.dropped";

    /** Longest message kept, in UTF-8 bytes. */
    static final int MAX_MESSAGE = 4096;

    /** Longest key kept, in bytes. */
    static final int MAX_KEY = 1024;

    /** Room for the record's framing (lengths, attributes, batch header), in bytes. */
    static final int OVERHEAD = 512;

    /** Where a dead letter's input came from; offset -1 for a record Heed made itself. */
    public record Source(String topic, int partition, long offset) {}

    private DeadLetters() {}

    /**
     * The dead letter for {@code record}, at most {@code maxBytes} long in key, value and headers
     * together with room for framing.
     *
     * @param maxBytes {@code output.max.bytes}, at least 16 KB
     */
    public static Record<byte[], byte[]> of(
            Record<byte[], byte[]> record,
            Reason reason,
            String message,
            Source source,
            int maxBytes) {
        Headers h = new RecordHeaders();
        h.add(REASON, utf8(reason.wireName()));
        h.add(MESSAGE, cut(utf8(message), MAX_MESSAGE));
        h.add(TOPIC, cut(utf8(source.topic()), 256));
        h.add(PARTITION, utf8(Integer.toString(source.partition())));
        h.add(OFFSET, utf8(Long.toString(source.offset())));
        byte[] key = record.key();
        if (key != null && key.length > MAX_KEY) {
            h.add(KEY_TRUNCATED, utf8(Integer.toString(key.length)));
            key = Arrays.copyOf(key, MAX_KEY);
        }
        Header[] original = record.headers() == null ? new Header[0] : record.headers().toArray();
        int budget = maxBytes - OVERHEAD - size(h) - (key == null ? 0 : key.length) - 128;
        Headers out = new RecordHeaders();
        if (size(original) <= budget / 4) {
            for (Header o : original) {
                out.add(o);
            }
            budget -= size(original);
        } else {
            h.add(HEADERS_DROPPED, utf8(Integer.toString(original.length)));
        }
        h.forEach(out::add);
        byte[] value = record.value();
        if (value != null && value.length > budget) {
            out.add(VALUE_TRUNCATED, utf8(Integer.toString(value.length)));
            value = Arrays.copyOf(value, Math.max(0, budget));
        }
        return new Record<>(key, value, record.timestamp(), out);
    }

    /** Bytes a record takes on the wire, near enough: key, value, header keys and values. */
    public static int size(Record<byte[], byte[]> r) {
        return (r.key() == null ? 0 : r.key().length)
                + (r.value() == null ? 0 : r.value().length)
                + (r.headers() == null ? 0 : size(r.headers().toArray()));
    }

    private static int size(Headers h) {
        return size(h.toArray());
    }

    private static int size(Header[] headers) {
        int n = 0;
        for (Header x : headers) {
            n += 16 + utf8(x.key()).length + (x.value() == null ? 0 : x.value().length);
        }
        return n;
    }

    private static byte[] cut(byte[] b, int max) {
        return b.length <= max ? b : Arrays.copyOf(b, max);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
