package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.RouteCounters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {
    @Test
    void shouldReplaceAFailedThreadUntilThreadsFailTooOftenThenShutDown() {
        AtomicLong now = new AtomicLong(1_000_000);
        RouteCounters counters = new RouteCounters();
        ThreadFailures f = new ThreadFailures(3, counters, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(f.handle(new IllegalStateException("boom")))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.addAndGet(60_000);
        }
        assertThat(f.gaveUp()).isFalse();
        assertThat(f.handle(new IllegalStateException("boom")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(f.gaveUp()).isTrue();
        assertThat(counters.threadFailures()).isEqualTo(4);
    }

    @Test
    void shouldForgetFailuresOlderThanTenMinutes() {
        AtomicLong now = new AtomicLong(1_000_000);
        ThreadFailures f = new ThreadFailures(1, new RouteCounters(), now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(f.handle(new IllegalStateException("boom")))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.addAndGet(ThreadFailures.WINDOW_MS + 1);
        }
        assertThat(f.gaveUp()).isFalse();
    }

    @Test
    void shouldCallAThreadStuckWhenItsConsumerHasNotPolledForTooLong() {
        MetricName main =
                new MetricName(
                        "last-poll-seconds-ago",
                        "consumer-metrics",
                        "",
                        Map.of("client-id", "app-1-StreamThread-1-consumer"));
        MetricName restore =
                new MetricName(
                        "last-poll-seconds-ago",
                        "consumer-metrics",
                        "",
                        Map.of("client-id", "app-1-StreamThread-1-restore-consumer"));
        Duration after = Duration.ofSeconds(20);
        assertThat(Stuck.find(Map.of(main, value(3), restore, value(500)), after)).isEmpty();
        assertThat(Stuck.find(Map.of(main, value(-1)), after)).as("never polled yet").isEmpty();
        assertThat(Stuck.find(Map.of(main, value(21)), after))
                .hasValueSatisfying(
                        s ->
                                assertThat(s)
                                        .contains("app-1-StreamThread-1-consumer")
                                        .contains("21 s")
                                        .contains("health.stuck.after=20s"));
    }

    private static Metric value(double v) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return null;
            }

            @Override
            public Object metricValue() {
                return v;
            }
        };
    }
}
