package dev.heed.streams.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The windows a known input must produce, against the predictions read back: how many are lost,
 * duplicated or unexpected. Series {@code s} gets readings {@code 0..n-1} at {@code t0 + i·step}; a
 * window ends at reading {@code steps-1}, then every {@code stride} readings.
 */
final class Ledger {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Set<String> expected = new HashSet<>();
    final Map<String, Integer> seen = new TreeMap<>();

    Ledger(List<String> series, int readings, int steps, int stride, long t0, long stepMs) {
        for (String s : series) {
            for (int end = steps - 1; end < readings; end += stride) {
                expected.add(s + "@" + (t0 + end * stepMs));
            }
        }
    }

    Ledger add(List<ConsumerRecord<byte[], byte[]>> predictions) {
        for (ConsumerRecord<byte[], byte[]> r : predictions) {
            try {
                JsonNode p = JSON.readTree(r.value());
                seen.merge(
                        p.path("series").asText() + "@" + p.path("window").path("end_ms").asLong(),
                        1,
                        Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /**
     * Whether {@code predictions} (read so far) hold every expected window; for a read that waits
     * until then. Duplicates do not count towards it.
     */
    boolean complete(List<ConsumerRecord<byte[], byte[]>> predictions) {
        if (predictions.size() < expected.size()) {
            return false;
        }
        Ledger probe = new Ledger(Set.of());
        probe.expected.addAll(expected);
        return probe.add(predictions).lost() == 0;
    }

    private Ledger(Set<String> none) {}

    /** Up to {@code n} lost windows, as {@code series@end_ms}, sorted. */
    List<String> lostSample(int n) {
        return expected.stream().filter(k -> !seen.containsKey(k)).sorted().limit(n).toList();
    }

    long lost() {
        return expected.stream().filter(k -> !seen.containsKey(k)).count();
    }

    long duplicated() {
        return seen.values().stream().mapToLong(n -> n - 1L).sum();
    }

    long unexpected() {
        return seen.keySet().stream().filter(k -> !expected.contains(k)).count();
    }

    long distinct() {
        return seen.size();
    }

    @Override
    public String toString() {
        return expected.size()
                + " expected windows, "
                + distinct()
                + " predicted, "
                + lost()
                + " lost, "
                + duplicated()
                + " duplicated, "
                + unexpected()
                + " unexpected";
    }
}
