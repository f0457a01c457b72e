package dev.heed.streams.internal;

import dev.heed.models.AttentionMethod;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects full windows from all the tasks of one stream thread and runs them through the model
 * in micro-batches: when {@code maxSize} windows wait, or when the oldest has waited {@code
 * maxWait}. The calls run on a {@link ModelWorker} beside the stream thread, or, with {@code
 * model.worker=false}, on the stream thread itself. Results go back to the owning task's
 * processor, which forwards them in its own context. One instance per stream thread; its methods
 * are called from that thread only.
 */
final class ThreadBatcher {
  private final int maxSize;
  private final long maxWaitMs;
  private final Predictor predictor;
  private final ModelWorker worker;
  private final List<Request> queue = new ArrayList<>();

  record Request(Owner owner, WindowSnapshot window, long queuedMs) {}

  /** A processor that receives predictions. */
  interface Owner {
    void deliver(Prediction p);
  }

  ThreadBatcher(ModelSource models, AttentionMethod method, int maxSize, long maxWaitMs,
      boolean onWorker, RouteCounters counters) {
    this.maxSize = maxSize;
    this.maxWaitMs = maxWaitMs;
    this.predictor = new Predictor(models, method, counters);
    this.worker = onWorker
        ? new ModelWorker(predictor, maxSize, maxWaitMs, Thread.currentThread().getName() + "-model")
        : null;
  }

  /**
   * @param nowMs the stream thread's wall-clock time ({@code ProcessorContext.currentSystemTimeMs})
   */
  void submit(Owner owner, WindowSnapshot w, long nowMs) {
    Request r = new Request(owner, w, nowMs);
    if (worker != null) {
      worker.submit(r);
      return;
    }
    queue.add(r);
    if (queue.size() >= maxSize) {
      flush();
    }
  }

  /** Runs the waiting windows if the oldest is due (on the stream thread). */
  void flushIfDue(long nowMs) {
    if (worker == null && !queue.isEmpty() && nowMs - queue.get(0).queuedMs() >= maxWaitMs) {
      flush();
    }
  }

  /** Hands the worker's finished predictions to their owners. */
  void collect() {
    if (worker != null) {
      worker.collect();
    }
  }

  /** Drops the requests of an owner whose task is closing; its pending store keeps them. */
  void cancel(Owner owner) {
    if (worker != null) {
      worker.cancel(owner);
    }
    queue.removeIf(r -> r.owner() == owner);
  }


  void flush() {
    while (!queue.isEmpty()) {
      int n = Math.min(maxSize, queue.size());
      List<Request> batch = new ArrayList<>(queue.subList(0, n));
      queue.subList(0, n).clear();
      for (Predictor.Delivery d : predictor.predict(batch)) {
        d.owner().deliver(d.prediction());
      }
    }
  }

  void close() {
    if (worker != null) {
      worker.close();
    } else {
      predictor.close();
    }
  }
}
