package dev.heed.streams.app;

import dev.heed.streams.RouteCounters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies of an exception no handler took: replace it, unless threads
 * have died more than {@code threads.max.failures} times in ten minutes; then shut the client down,
 * which turns {@code /health/live} DOWN so that an orchestrator restarts the instance (a loop of
 * replacements would look alive and do nothing). Every death is counted.
 */
final class ThreadFailures implements StreamsUncaughtExceptionHandler {
    static final long WINDOW_MS = 10 * 60_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailures.class);

    private final int max;
    private final RouteCounters counters;
    private final LongSupplier clockMs;
    private final Deque<Long> recent = new ArrayDeque<>();
    private volatile boolean gaveUp;

    ThreadFailures(int max, RouteCounters counters, LongSupplier clockMs) {
        this.max = max;
        this.counters = counters;
        this.clockMs = clockMs;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable e) {
        counters.threadFailure();
        long now = clockMs.getAsLong();
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst() < now - WINDOW_MS) {
            recent.removeFirst();
        }
        if (recent.size() > max) {
            gaveUp = true;
            LOG.error(
                    "stream threads failed {} times in 10 minutes (threads.max.failures={});"
                            + " shutting down so that /health/live turns DOWN and the instance is"
                            + " restarted",
                    recent.size(),
                    max,
                    e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("stream thread failed ({} in 10 minutes); replacing it", recent.size(), e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Whether the client was shut down for too many failures. */
    boolean gaveUp() {
        return gaveUp;
    }
}
