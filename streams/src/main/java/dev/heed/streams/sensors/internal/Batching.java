package dev.heed.streams.sensors.internal;

import dev.heed.models.AttentionMethod;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;

/**
 * Hands each stream thread its own {@link ThreadBatcher}, shared by all the tasks that thread runs,
 * and closes it when the thread's last task closes. One instance per built topology.
 */
public final class Batching {
    private final ModelSource models;
    private final AttentionMethod method;
    private final int maxSize;
    private final long maxWaitMs;
    private final RouteCounters counters;
    private final Retry retry;
    private final ThreadLocal<ThreadBatcher> batcher = new ThreadLocal<>();
    private final ThreadLocal<int[]> users = ThreadLocal.withInitial(() -> new int[1]);

    public Batching(
            ModelSource models,
            AttentionMethod method,
            int maxSize,
            long maxWaitMs,
            RouteCounters counters,
            Retry retry) {
        this.retry = retry;
        this.models = models;
        this.method = method;
        this.maxSize = maxSize;
        this.maxWaitMs = maxWaitMs;
        this.counters = counters;
    }

    /**
     * How a failed model call is tried again: {@code times} more, after {@code backoffMs}, then
     * four times longer each ({@code model.retries}, {@code model.retry.backoff}).
     */
    public record Retry(int times, long backoffMs) {}

    ThreadBatcher acquire() {
        ThreadBatcher b = batcher.get();
        if (b == null) {
            b = new ThreadBatcher(models, method, maxSize, maxWaitMs, counters, retry);
            batcher.set(b);
        }
        users.get()[0]++;
        return b;
    }

    void release(ThreadBatcher b, ThreadBatcher.Owner owner) {
        b.cancel(owner);
        if (batcher.get() == b && --users.get()[0] <= 0) {
            b.close();
            batcher.remove();
            users.remove();
        }
    }

    long maxWaitMs() {
        return maxWaitMs;
    }
}
