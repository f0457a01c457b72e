package dev.heed.streams.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A stream thread that stopped polling: Kafka's consumer metric {@code last-poll-seconds-ago} of
 * each thread's main consumer (a thread polls every {@code poll.ms} when idle, so a long gap means
 * it is blocked in a model call, a store or a lock).
 */
final class Stuck {
    private Stuck() {}

    /** The first thread that has not polled for {@code after}, described; empty when none. */
    static Optional<String> find(Map<MetricName, ? extends Metric> metrics, Duration after) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            String client = n.tags().getOrDefault("client-id", "");
            if (!n.name().equals("last-poll-seconds-ago")
                    || !n.group().equals("consumer-metrics")
                    || client.endsWith("-restore-consumer")
                    || client.endsWith("-global-consumer")) {
                continue;
            }
            Object v = e.getValue().metricValue();
            if (v instanceof Number seconds && seconds.doubleValue() * 1000 > after.toMillis()) {
                return Optional.of(
                        client
                                + " has not polled for "
                                + Math.round(seconds.doubleValue())
                                + " s (health.stuck.after="
                                + after.toSeconds()
                                + "s): stuck in a model call, a store or a lock");
            }
        }
        return Optional.empty();
    }
}
