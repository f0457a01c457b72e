package dev.heed.eval.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The process's CPU over an interval, split by who spent it: the Heed application's threads (Kafka
 * Streams puts the application id in the names of its stream threads and their clients), the
 * benchmark's own producer and reader, the broker (every other Java thread, when it runs embedded),
 * and the JVM itself (JIT compilers, garbage collector: the process's CPU that no Java thread
 * owns). Threads that end within the interval are not counted.
 */
final class CpuSplit {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Cores used on average over the interval, per owner. */
    record Cores(double heed, double broker, double bench, double jvm) {
        static final Cores NONE = new Cores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** The whole process. */
        double total() {
            return heed + broker + bench + jvm;
        }
    }

    private final String appId;
    private final long wall0 = System.nanoTime();
    private final long process0 = processCpu();
    private final Map<Long, Long> threads0 = threadCpu();
    private double seconds = Double.NaN;

    private CpuSplit(String appId) {
        this.appId = appId;
    }

    static CpuSplit start(String appId) {
        return new CpuSplit(appId);
    }

    /** Ends the interval; {@link #seconds()} is its length. */
    Cores stop() {
        double wall = System.nanoTime() - wall0;
        seconds = wall / 1e9;
        double[] by = new double[3];
        double threads = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long ns = THREADS.getThreadCpuTime(t.getThreadId());
            if (ns < 0) {
                continue;
            }
            long spent = ns - threads0.getOrDefault(t.getThreadId(), 0L);
            by[owner(t.getThreadName(), appId)] += spent;
            threads += spent;
        }
        double jvm = Math.max(0, processCpu() - process0 - threads);
        return new Cores(by[0] / wall, by[1] / wall, by[2] / wall, jvm / wall);
    }

    /** Wall seconds from start to {@link #stop()}; cores times this are CPU seconds. */
    double seconds() {
        return seconds;
    }

    /** 0 Heed, 1 broker (and anything else), 2 the benchmark's clients. */
    static int owner(String thread, String appId) {
        if (thread.contains("-reader")
                || thread.equals("main")
                || thread.matches(".*\\| producer-\\d+")) {
            return 2;
        }
        return thread.contains(appId) ? 0 : 1;
    }

    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long ns = THREADS.getThreadCpuTime(id);
            if (ns >= 0) {
                cpu.put(id, ns);
            }
        }
        return cpu;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
