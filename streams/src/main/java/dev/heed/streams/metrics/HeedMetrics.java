package dev.heed.streams.metrics;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.internal.Reason;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One Prometheus registry per Heed instance and the binding of Heed's counters to it. Metric names
 * as Prometheus shows them: {@code heed_records_in_total{topic}}, {@code
 * heed_records_out_total{topic}}, {@code heed_windows_total}, {@code heed_utterances_total}, {@code
 * heed_dead_letters_total{reason}}, {@code heed_inference_seconds} (histogram), {@code
 * heed_batch_size} (histogram), {@code heed_consumer_lag_records{topic}}, the {@code
 * kafka_stream_*} and {@code kafka_consumer_*} metrics of Kafka Streams, and the JVM's.
 */
public final class HeedMetrics implements AutoCloseable {
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    private static final Duration[] INFERENCE_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(200),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Set<String> reasons = ConcurrentHashMap.newKeySet();
    private RouteCounters counters;
    private KafkaStreamsMetrics streamsMetrics;

    public HeedMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A counter of one route, tagged with the topic that {@code topicKey} names. */
    private void route(
            String name,
            RouteCounters counters,
            java.util.function.ToDoubleFunction<RouteCounters> count,
            HeedConfig config,
            String topicKey) {
        FunctionCounter.builder(name, counters, count)
                .tag("topic", config.getString(topicKey))
                .description(
                        name.endsWith(".in")
                                ? "Records read from the input topic"
                                : "Records written per output topic")
                .register(registry);
    }

    /** Exports {@code counters} under the topic names of {@code config}; call once. */
    public void bindRoutes(RouteCounters counters, HeedConfig config) {
        this.counters = counters;
        route(
                "heed.records.in",
                counters,
                RouteCounters::recordsIn,
                config,
                HeedKeys.TOPIC_SENSORS);
        route("heed.records.in", counters, RouteCounters::chunksIn, config, HeedKeys.TOPIC_AUDIO);
        route(
                "heed.records.out",
                counters,
                RouteCounters::predictions,
                config,
                HeedKeys.TOPIC_PREDICTIONS);
        route(
                "heed.records.out",
                counters,
                RouteCounters::anomalies,
                config,
                HeedKeys.TOPIC_ANOMALIES);
        route(
                "heed.records.out",
                counters,
                RouteCounters::transcripts,
                config,
                HeedKeys.TOPIC_TRANSCRIPTS);
        route("heed.records.out", counters, RouteCounters::deadLetters, config, HeedKeys.TOPIC_DLQ);
        FunctionCounter.builder("heed.windows", counters, RouteCounters::windows)
                .description("Full windows sent to the model")
                .register(registry);
        FunctionCounter.builder("heed.readings.in", counters, RouteCounters::readingsIn)
                .tag("topic", config.getString(HeedKeys.TOPIC_SENSORS))
                .description(
                        "Readings read: one per record of one reading, one per element of a record"
                                + " holding an array")
                .register(registry);
        FunctionCounter.builder("heed.utterances", counters, RouteCounters::utterances)
                .description("Utterances finished by the speech pipeline")
                .register(registry);
        FunctionCounter.builder("heed.thread.failures", counters, RouteCounters::threadFailures)
                .description(
                        "Stream threads that died of an exception no handler took (replaced, or"
                                + " the instance shut down past threads.max.failures)")
                .register(registry);
        FunctionCounter.builder("heed.state.restored", counters, RouteCounters::restored)
                .description(
                        "State records read back from changelogs to rebuild stores (after a crash or"
                                + " a partition moving here); 0 after a clean restart")
                .register(registry);
        FunctionCounter.builder("heed.model.retries", counters, RouteCounters::modelRetries)
                .description("Model calls tried again after the engine failed")
                .register(registry);
        for (Reason r : Reason.values()) {
            deadLetterCounter(r.wireName());
        }
        Timer inference =
                Timer.builder("heed.inference")
                        .description("Wall time of one model call (one batch)")
                        .serviceLevelObjectives(INFERENCE_BUCKETS)
                        .register(registry);
        DistributionSummary batchSize =
                DistributionSummary.builder("heed.batch.size")
                        .description("Windows per model call")
                        .serviceLevelObjectives(BATCH_BUCKETS)
                        .register(registry);
        counters.onBatch(
                (size, ms) -> {
                    inference.record((long) (ms * 1e6), TimeUnit.NANOSECONDS);
                    batchSize.record(size);
                });
    }

    /** Exports Kafka Streams' own metrics and the lag of its input topic; call once. */
    public void bindStreams(KafkaStreams streams, HeedConfig config) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        String input = config.getString(HeedKeys.TOPIC_SENSORS);
        Gauge.builder("heed.consumer.lag", streams, s -> InputLag.of(s, input))
                .tag("topic", input)
                .baseUnit("records")
                .description("Records of the input topic not yet read by this instance")
                .register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        if (counters != null) {
            counters.deadLettersByReason().keySet().forEach(this::deadLetterCounter);
        }
        return registry.scrape();
    }

    private void deadLetterCounter(String reason) {
        if (reasons.add(reason)) {
            FunctionCounter.builder(
                            "heed.dead.letters",
                            counters,
                            c -> c.deadLettersByReason().getOrDefault(reason, 0L))
                    .tag("reason", reason)
                    .description("Records sent to the dead-letter topic, by reason")
                    .register(registry);
        }
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
