package dev.heed.streams.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds the keys (series, audio streams) that have had no record for an idle expiry (wall-clock
 * time), from the last-seen time that the stored states end with, without decoding the states.
 */
public final class IdleStates {
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private IdleStates() {}

    /** How often to look: a quarter of the expiry, between 1 s and 10 minutes. */
    public static long scanEveryMs(long expiryMs) {
        return Math.max(1_000, Math.min(600_000, expiryMs / 4));
    }

    /**
     * The keys whose last record arrived more than {@code expiryMs} before {@code nowMs}. A state
     * stored before Heed recorded last-seen times ({@code state[0] < minVersion}) is left alone
     * until it is next written.
     */
    public static List<String> due(
            KeyValueStore<String, byte[]> store, long nowMs, long expiryMs, int minVersion) {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                long seen = lastSeenMs(kv.value, minVersion);
                if (seen > 0 && nowMs - seen > expiryMs) {
                    out.add(kv.key);
                }
            }
        }
        return out;
    }

    /** The last-seen time a stored state ends with, 0 for one older than {@code minVersion}. */
    public static long lastSeenMs(byte[] state, int minVersion) {
        return state != null && state.length > 8 && state[0] >= minVersion
                ? (long) LONG.get(state, state.length - 8)
                : 0;
    }
}
