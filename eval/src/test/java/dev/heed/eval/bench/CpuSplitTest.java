package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuSplitTest {
    private static final String APP = "bench-1-heed-1000-0";

    @Test
    void shouldTellHeedsThreadsFromTheBrokersAndTheBenchsOwn() {
        assertThat(CpuSplit.owner(APP + "-4b1f-StreamThread-1", APP)).isZero();
        assertThat(
                        CpuSplit.owner(
                                "kafka-producer-network-thread | "
                                        + APP
                                        + "-4b1f-StreamThread-1-producer",
                                APP))
                .isZero();
        assertThat(CpuSplit.owner("data-plane-kafka-request-handler-3", APP)).isEqualTo(1);
        assertThat(CpuSplit.owner("kafka-producer-network-thread | producer-7", APP)).isEqualTo(2);
        assertThat(CpuSplit.owner(APP + "-reader", APP)).isEqualTo(2);
        assertThat(CpuSplit.owner("main", APP)).isEqualTo(2);
    }

    @Test
    void shouldMeasureTheCpuOfAThreadThatWorks() throws Exception {
        java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.CountDownLatch spent = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stop =
                new java.util.concurrent.atomic.AtomicBoolean();
        CpuSplit split = CpuSplit.start(APP);
        Thread busy =
                new Thread(
                        () -> {
                            // spins until it has used 100 ms of CPU inside the interval, however
                            // busy the machine is, then until told to stop
                            long cpu0 = mx.getCurrentThreadCpuTime();
                            double x = 0;
                            while (!stop.get()) {
                                x += Math.sqrt(x + 1);
                                if (mx.getCurrentThreadCpuTime() - cpu0 >= 100_000_000L) {
                                    spent.countDown();
                                }
                            }
                            if (x < 0) {
                                throw new AssertionError();
                            }
                        },
                        APP + "-4b1f-StreamThread-1");
        busy.start();
        spent.await();
        CpuSplit.Cores cores = split.stop();
        stop.set(true);
        busy.join();
        assertThat(cores.heed() * split.seconds())
                .as("CPU seconds of Heed's thread: at least the 0.1 s it spun")
                .isGreaterThanOrEqualTo(0.1);
        assertThat(cores.broker() * split.seconds())
                .as("not counted as the broker's")
                .isLessThan(0.1);
    }
}
