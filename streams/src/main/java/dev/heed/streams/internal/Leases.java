package dev.heed.streams.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model that serves now, and who still holds the ones that served before: a swapped-out model
 * is closed when the last stream thread that held it lets it go (at once if none did), not on a
 * timer. Thread-safe.
 *
 * @param <M> the model type
 */
public final class Leases<M extends AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

    private volatile M current;
    private final Map<M, Integer> holders = new IdentityHashMap<>();
    private final Map<M, Boolean> retired = new IdentityHashMap<>();

    public Leases(M first) {
        this.current = Objects.requireNonNull(first, "model");
    }

    /** The model serving now, not held (for its descriptor). */
    public M current() {
        return current;
    }

    /** The model serving now, held until {@link #release}. */
    public synchronized M acquire() {
        holders.merge(current, 1, Integer::sum);
        return current;
    }

    /** Lets {@code m} go; a retired model is closed when its last holder lets it go. */
    public synchronized void release(M m) {
        Integer n = holders.get(m);
        if (n == null) {
            return;
        }
        if (n > 1) {
            holders.put(m, n - 1);
            return;
        }
        holders.remove(m);
        if (retired.remove(m) != null) {
            close(m);
        }
    }

    /** Serves {@code next} from now on; returns the previous model, closed once unheld. */
    public synchronized M swap(M next) {
        M old = current;
        current = Objects.requireNonNull(next, "model");
        if (old != next) {
            if (holders.containsKey(old)) {
                retired.put(old, Boolean.TRUE);
            } else {
                close(old);
            }
        }
        return old;
    }

    /** How many holders {@code m} has. */
    public synchronized int holders(M m) {
        return holders.getOrDefault(m, 0);
    }

    /** Closes the current model and every retired one still held. */
    public synchronized void closeAll() {
        retired.keySet().forEach(Leases::close);
        retired.clear();
        holders.clear();
        close(current);
    }

    private static void close(AutoCloseable m) {
        try {
            m.close();
        } catch (Exception e) {
            LOG.warn("closing a swapped-out model failed: {}", e.toString());
        }
    }
}
