package dev.heed.streams.metrics;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** The input lag of a Kafka Streams instance: the sum of its consumers' per-partition lag. */
final class InputLag {
    private InputLag() {}

    /**
     * Records of {@code topic} behind the end over the partitions this instance reads; else NaN.
     */
    static double of(KafkaStreams streams, String topic) {
        double sum = 0;
        boolean any = false;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals("records-lag")
                    && n.group().equals("consumer-fetch-manager-metrics")
                    && topic.equals(n.tags().get("topic"))) {
                Object v = e.getValue().metricValue();
                if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
                    sum += num.doubleValue();
                    any = true;
                }
            }
        }
        return any ? sum : Double.NaN;
    }
}
