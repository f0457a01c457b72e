package dev.heed.streams.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread beside one stream thread that runs its model calls, so that the stream thread goes on
 * parsing, windowing and forwarding while the model computes. Same batching policy as on the
 * stream thread: a call when {@code maxSize} windows wait or the oldest has waited {@code
 * maxWaitMs}. Results wait in a queue until the stream thread collects them and forwards them in
 * the owning task's context, so outputs stay inside Kafka Streams' transactions. When more than
 * {@code maxQueued} windows wait, {@link #submit} blocks the stream thread until the model catches
 * up.
 */
final class ModelWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ModelWorker.class);

  private final Predictor predictor;
  private final int maxSize;
  private final long maxWaitMs;
  private final int maxQueued;
  private final ArrayDeque<ThreadBatcher.Request> queue = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Predictor.Delivery> done = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private boolean closing;
  private volatile RuntimeException failure;

  ModelWorker(Predictor predictor, int maxSize, long maxWaitMs, String name) {
    this.predictor = predictor;
    this.maxSize = maxSize;
    this.maxWaitMs = maxWaitMs;
    this.maxQueued = Math.max(4 * maxSize, 64);
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  void submit(ThreadBatcher.Request r) {
    rethrow();
    synchronized (this) {
      while (queue.size() >= maxQueued && !closing && failure == null) {
        waitQuietly(100);
      }
      queue.add(r);
      if (queue.size() == 1 || queue.size() >= maxSize) {
        notifyAll();
      }
    }
  }

  /** Hands finished predictions to their owners; on the stream thread. */
  void collect() {
    rethrow();
    Predictor.Delivery d;
    while ((d = done.poll()) != null) {
      d.owner().deliver(d.prediction());
    }
  }

  synchronized void cancel(ThreadBatcher.Owner owner) {
    queue.removeIf(r -> r.owner() == owner);
    done.removeIf(d -> d.owner() == owner);
  }


  /** Stops the worker after its current call; what was not predicted stays in the pending stores. */
  void close() {
    synchronized (this) {
      closing = true;
      queue.clear();
      notifyAll();
    }
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    try {
      List<ThreadBatcher.Request> batch;
      while ((batch = next()) != null) {
        done.addAll(predictor.predict(batch));
      }
    } catch (RuntimeException e) {
      LOG.error("model worker {} failed", thread.getName(), e);
      failure = e;
    } finally {
      predictor.close();
    }
  }

  /** Waits for a batch that is due by the policy; null when closing. */
  private synchronized List<ThreadBatcher.Request> next() {
    while (!closing) {
      if (queue.size() >= maxSize) {
        break;
      }
      if (!queue.isEmpty()) {
        long wait = queue.peek().queuedMs() + maxWaitMs - System.currentTimeMillis();
        if (wait <= 0) {
          break;
        }
        waitQuietly(wait);
      } else {
        waitQuietly(0);
      }
    }
    if (closing) {
      return null;
    }
    int n = Math.min(maxSize, queue.size());
    List<ThreadBatcher.Request> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(queue.poll());
    }
    notifyAll();
    return batch;
  }

  private void waitQuietly(long ms) {
    try {
      wait(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (Thread.currentThread() == thread) {
        closing = true;
      }
    }
  }

  /** A failure of the model engine fails the stream thread, as it would on the stream thread. */
  private void rethrow() {
    RuntimeException e = failure;
    if (e != null) {
      throw new IllegalStateException("the model worker failed: " + e.getMessage(), e);
    }
  }
}
