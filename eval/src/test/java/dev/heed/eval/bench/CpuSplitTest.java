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
        CpuSplit split = CpuSplit.start(APP);
        Thread busy =
                new Thread(
                        () -> {
                            long end = System.nanoTime() + 300_000_000L;
                            double x = 0;
                            while (System.nanoTime() < end) {
                                x += Math.sqrt(x + 1);
                            }
                            if (x < 0) {
                                throw new AssertionError();
                            }
                        },
                        APP + "-4b1f-StreamThread-1");
        busy.start();
        Thread.sleep(200);
        CpuSplit.Cores cores = split.stop();
        busy.join();
        assertThat(cores.heed()).as("one thread spinning most of the interval").isGreaterThan(0.1);
    }
}
