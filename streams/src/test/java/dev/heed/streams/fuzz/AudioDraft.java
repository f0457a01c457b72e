package dev.heed.streams.fuzz;

import dev.heed.streams.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * An audio chunk being made hostile: it starts as a good one (PCM noise with valid headers, on a
 * stream id of its own or of a good stream) and faults are applied to it in turn. Each fault adds
 * its dead-letter reason; the last one applied is always intact, so the chunk can only be rejected,
 * for one of the reasons collected.
 */
final class AudioDraft {
    static final String RATE = "heed.sample.rate";
    static final String ENCODING = "heed.encoding";
    static final String CHANNELS = "heed.channels";
    static final String SEQ = "heed.seq";
    static final String END = "heed.end";

    byte[] key;
    byte[] value;

    /** The heed headers, in order; a null value is a header with a null value. */
    final Map<String, byte[]> heed = new LinkedHashMap<>();

    private final Set<String> reasons = new LinkedHashSet<>();
    private String kind = "none";

    AudioDraft(byte[] key, byte[] value) {
        this.key = key;
        this.value = value;
    }

    /**
     * One fault: its name, the part of the chunk it changes (one fault per slot and chunk), its
     * dead-letter reason and the change.
     */
    record Fault(String name, String slot, String reason, Consumer<AudioDraft> change) {}

    AudioDraft apply(Fault f) {
        f.change().accept(this);
        reasons.add(f.reason());
        kind = f.name();
        return this;
    }

    AudioDraft header(String name, String v) {
        heed.put(name, v == null ? null : Fixtures.utf8(v));
        return this;
    }

    AudioDraft header(String name, byte[] v) {
        heed.put(name, v);
        return this;
    }

    /**
     * The hostile record: {@code decoys} earlier copies of heed headers with junk values (the last
     * header of a name is the one read), then the heed headers, then {@code extra} headers.
     */
    Hostile toHostile(List<byte[]> decoys, List<Header> extra) {
        List<Header> headers = new ArrayList<>();
        int d = 0;
        for (Map.Entry<String, byte[]> e : heed.entrySet()) {
            if (d < decoys.size()) {
                headers.add(new RecordHeader(e.getKey(), decoys.get(d++)));
            }
            headers.add(new RecordHeader(e.getKey(), e.getValue()));
        }
        headers.addAll(extra);
        return new Hostile(kind, key, value, List.copyOf(headers), Set.copyOf(reasons));
    }
}
