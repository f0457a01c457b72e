package dev.heed.eval.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches predictions to the readings that completed their windows. The load generator gives
 * reading k of series s the event time {@code BASE + k * STEP_MS}, so a prediction's window end
 * ({@code window.end_ms} in its value) names the reading; the probe remembers the send time of
 * every reading that completes a window and records, per prediction, the delay from that send to
 * the moment a read_committed consumer sees the prediction.
 */
final class LatencyProbe {
    static final long BASE_MS = 1_700_000_000_000L;
    static final long STEP_MS = 1_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final int series;
    private final int steps;
    private final int stride;
    private final ConcurrentHashMap<Long, Long> sent = new ConcurrentHashMap<>();
    private long[] samples = new long[1 << 16];
    private int count;
    private long received;

    LatencyProbe(int series, int steps, int stride) {
        this.series = series;
        this.steps = steps;
        this.stride = stride;
    }

    /** Whether reading {@code k} (0-based) of a series completes a window (count mode). */
    boolean completesWindow(long k) {
        return k + 1 >= steps && (k + 1 - steps) % stride == 0;
    }

    /** Event time of reading {@code k}. */
    static long eventTime(long k) {
        return BASE_MS + k * STEP_MS;
    }

    /**
     * The {@code window.end_ms} of a prediction's JSON value, read only as far as that field (it
     * comes before the prediction and the attention).
     */
    static long windowEnd(byte[] prediction) {
        try (JsonParser p = JSON.createParser(prediction)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "end_ms".equals(p.currentName())) {
                    p.nextToken();
                    return p.getLongValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(
                "prediction without window.end_ms: "
                        + new String(
                                prediction,
                                0,
                                Math.min(prediction.length, 200),
                                StandardCharsets.UTF_8));
    }

    static byte[] key(int s) {
        return ("s" + s).getBytes(StandardCharsets.UTF_8);
    }

    /** Called by the producer just before it sends a window-completing reading. */
    void sending(int s, long k, long nanos) {
        sent.put(k * series + s, nanos);
    }

    /**
     * Called by the consumer for each prediction; {@code measure} says whether it falls in the
     * measured interval.
     */
    synchronized void received(byte[] key, long windowEndMs, long nanos, boolean measure) {
        int s = Integer.parseInt(new String(key, 1, key.length - 1, StandardCharsets.UTF_8));
        long k = (windowEndMs - BASE_MS) / STEP_MS;
        Long at = sent.remove(k * series + s);
        if (!measure) {
            return;
        }
        received++;
        if (at != null) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count * 2);
            }
            samples[count++] = nanos - at;
        }
    }

    synchronized long received() {
        return received;
    }

    /** Percentile of the measured delays in milliseconds. */
    synchronized double percentileMs(double p) {
        return Stats.percentile(samples, count, p) / 1e6;
    }

    synchronized int samples() {
        return count;
    }
}
