package dev.heed.streams.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Header;

/**
 * One hostile input record for an input topic, and the dead-letter reasons it may get. Every
 * generator knows its answer: a record is built so that it can only be rejected, and for which
 * reasons ({@code heed.dlq.reason} values).
 *
 * @param kind what the generator did, for the counts printed at the end
 * @param key the record key (may be null)
 * @param value the record value (may be empty)
 * @param headers the record's headers, often hostile themselves
 * @param reasons the dead-letter reasons this record may get
 */
public record Hostile(
        String kind, byte[] key, byte[] value, List<Header> headers, Set<String> reasons) {
    public Hostile withHeaders(List<Header> more) {
        return new Hostile(kind, key, value, more, reasons);
    }

    @Override
    public String toString() {
        String v =
                value == null
                        ? "null"
                        : new String(value, 0, Math.min(value.length, 100), StandardCharsets.UTF_8);
        return kind
                + " "
                + reasons
                + " '"
                + v
                + (value != null && value.length > 100 ? "...' (" + value.length + " bytes)" : "'")
                + " headers "
                + headers.size();
    }
}
