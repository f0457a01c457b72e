package dev.heed.streams.sensors.internal;

import dev.heed.models.AttentionMethod;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects full windows from all the tasks of one stream thread and runs them through the model in
 * micro-batches: when {@code maxSize} windows wait, or when the oldest has waited {@code maxWait}.
 * Results go back to the owning task's processor, which forwards them in its own context. One
 * instance, and so one {@link Forecaster}, per stream thread; used only from that thread.
 */
final class ThreadBatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadBatcher.class);

    private final ModelSource models;
    private final AttentionMethod method;
    private final int maxSize;
    private final long maxWaitMs;
    private final RouteCounters counters;
    private final Batching.Retry retry;
    private final List<Request> queue = new ArrayList<>();
    private ForecastModel model;
    private Forecaster forecaster;

    record Request(Owner owner, WindowSnapshot window, long queuedMs) {}

    /** A processor that receives predictions. */
    interface Owner {
        void deliver(Prediction p);
    }

    ThreadBatcher(
            ModelSource models,
            AttentionMethod method,
            int maxSize,
            long maxWaitMs,
            RouteCounters counters,
            Batching.Retry retry) {
        this.retry = retry;
        this.models = models;
        this.method = method;
        this.maxSize = maxSize;
        this.maxWaitMs = maxWaitMs;
        this.counters = counters;
    }

    /**
     * @param nowMs the stream thread's wall-clock time ({@code
     *     ProcessorContext.currentSystemTimeMs})
     */
    void submit(Owner owner, WindowSnapshot w, long nowMs) {
        queue.add(new Request(owner, w, nowMs));
        if (queue.size() >= maxSize) {
            flush();
        }
    }

    void flushIfDue(long nowMs) {
        if (!queue.isEmpty() && nowMs - queue.get(0).queuedMs() >= maxWaitMs) {
            flush();
        }
    }

    /** Drops the requests of an owner whose task is closing; its pending store keeps them. */
    void cancel(Owner owner) {
        queue.removeIf(r -> r.owner() == owner);
    }

    int queued() {
        return queue.size();
    }

    void flush() {
        while (!queue.isEmpty()) {
            int n = Math.min(maxSize, queue.size());
            List<Request> batch = new ArrayList<>(queue.subList(0, n));
            queue.subList(0, n).clear();
            run(batch);
        }
    }

    /**
     * Runs a batch, trying again after a pause when the model fails (a transient engine failure:
     * out of memory, a device hiccup); when it still fails, each window alone, once, so that only
     * the windows the model rejects become {@code model_error} dead letters.
     */
    private void run(List<Request> batch) {
        for (int attempt = 0; attempt <= retry.times(); attempt++) {
            if (attempt > 0) {
                counters.modelRetry();
                pause(retry.backoffMs() << (2 * (attempt - 1)));
            }
            try {
                runOnce(batch);
                return;
            } catch (RuntimeException e) {
                resetForecaster();
                LOG.warn(
                        "model failed on a batch of {} (try {} of {}): {}",
                        batch.size(),
                        attempt + 1,
                        retry.times() + 1,
                        e.toString());
            }
        }
        for (Request r : batch) {
            try {
                runOnce(List.of(r));
            } catch (RuntimeException e) {
                resetForecaster();
                LOG.warn(
                        "model rejected window of series {}: {}",
                        r.window().series(),
                        e.toString());
                r.owner()
                        .deliver(
                                new Prediction(
                                        r.window(),
                                        null,
                                        model == null
                                                ? models.current().descriptor()
                                                : model.descriptor(),
                                        0,
                                        1,
                                        e.toString()));
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes this thread's forecaster and lets its model go (closed if it was swapped out). */
    private void resetForecaster() {
        if (forecaster != null) {
            try {
                forecaster.close();
            } catch (RuntimeException ignored) {
                // a broken forecaster may fail to close too; a new one is made on the next call
            }
        }
        if (model != null) {
            models.release(model);
        }
        forecaster = null;
        model = null;
    }

    private void runOnce(List<Request> batch) {
        Forecaster f = forecaster();
        List<float[][]> windows = new ArrayList<>(batch.size());
        for (Request r : batch) {
            windows.add(r.window().values());
        }
        long t0 = System.nanoTime();
        List<Forecast> out = f.forecast(windows, method);
        double ms = (System.nanoTime() - t0) / 1e6;
        counters.batch(batch.size(), ms);
        Iterator<Forecast> it = out.iterator();
        for (Request r : batch) {
            r.owner()
                    .deliver(
                            new Prediction(
                                    r.window(),
                                    it.next(),
                                    model.descriptor(),
                                    ms,
                                    batch.size(),
                                    null));
        }
    }

    private Forecaster forecaster() {
        if (models.current() != model) {
            resetForecaster();
            ForecastModel current = models.acquire();
            model = current;
            forecaster = current.newForecaster();
            LOG.info(
                    "stream thread {} now serves model {} version {}",
                    Thread.currentThread().getName(),
                    current.descriptor().name(),
                    current.descriptor().version());
        }
        return forecaster;
    }

    void close() {
        resetForecaster();
    }
}
