package dev.heed.streams;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every route a record takes through one application instance: records in, windows,
 * predictions out, and dead letters by reason. Thread-safe.
 */
public final class RouteCounters {
  private final LongAdder recordsIn = new LongAdder();
  private final LongAdder windows = new LongAdder();
  private final LongAdder predictions = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder anomalies = new LongAdder();
  private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();

  public void recordIn() {
    recordsIn.increment();
  }

  public void window() {
    windows.increment();
  }

  public void prediction() {
    predictions.increment();
  }

  public void anomaly() {
    anomalies.increment();
  }

  public void batch() {
    batches.increment();
  }

  public void deadLetter(String reason) {
    deadLetters.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  public long recordsIn() {
    return recordsIn.sum();
  }

  public long windows() {
    return windows.sum();
  }

  public long predictions() {
    return predictions.sum();
  }

  public long anomalies() {
    return anomalies.sum();
  }

  public long batches() {
    return batches.sum();
  }

  public long deadLetters() {
    return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Dead letters by reason, sorted by reason. */
  public Map<String, Long> deadLettersByReason() {
    Map<String, Long> out = new TreeMap<>();
    deadLetters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
