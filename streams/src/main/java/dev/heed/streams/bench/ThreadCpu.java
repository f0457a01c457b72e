package dev.heed.streams.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the live threads whose name contains a marker, such as the application id that
 * Kafka Streams puts in the names of its stream threads and of their producers and consumers.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** Nanoseconds of CPU per live thread whose name contains {@code marker}, by thread id. */
  static Map<Long, Long> of(String marker) {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains(marker)) {
        long ns = THREADS.getThreadCpuTime(t.getThreadId());
        if (ns >= 0) {
          cpu.put(t.getThreadId(), ns);
        }
      }
    }
    return cpu;
  }

  /**
   * CPU nanoseconds spent since {@code before} by the matching threads alive now (threads that
   * started since count from zero; threads that ended since are lost, so mark long-lived ones).
   */
  static long since(Map<Long, Long> before, String marker) {
    long total = 0;
    for (Map.Entry<Long, Long> e : of(marker).entrySet()) {
      total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return total;
  }
}
