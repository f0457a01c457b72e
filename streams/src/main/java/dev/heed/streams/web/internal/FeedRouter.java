package dev.heed.streams.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.metrics.SeriesGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each record of an output topic into dashboard state and gauges. A record the dashboard
 * cannot read is counted in {@code heed_dashboard_skipped_total{topic}} and logged, and the feed
 * goes on (the dashboard is a reader: it has no dead-letter topic of its own).
 */
public final class FeedRouter implements OutputFeed.RecordSink {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRouter.class);

    private final String predictions;
    private final String anomalies;
    private final String transcripts;
    private final LiveState state;
    private final SeriesGauges gauges;
    private final MeterRegistry registry;
    private long skipped;

    public FeedRouter(
            HeedConfig config, LiveState state, SeriesGauges gauges, MeterRegistry registry) {
        this.predictions = config.getString(HeedKeys.TOPIC_PREDICTIONS);
        this.anomalies = config.getString(HeedKeys.TOPIC_ANOMALIES);
        this.transcripts = config.getString(HeedKeys.TOPIC_TRANSCRIPTS);
        this.state = state;
        this.gauges = gauges;
        this.registry = registry;
    }

    @Override
    public void status(String feedState, String detail) {
        state.feed(feedState, detail);
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> r) {
        try {
            JsonNode v = r.value() == null ? null : Json.MAPPER.readTree(r.value());
            if (v == null || !v.isObject()) {
                throw new IOException("not a JSON object");
            }
            String json = Json.MAPPER.writeValueAsString(v);
            if (r.topic().equals(predictions)) {
                String series = text(v, "series", r);
                if (state.prediction(series, json)) {
                    gauges.update(
                            series,
                            number(v, "anomaly_score"),
                            number(v, "anomaly_likelihood"),
                            weights(v.path("attention").path("weights")),
                            v.path("attention").path("method").asText("unknown"));
                }
            } else if (r.topic().equals(anomalies)) {
                state.anomaly(json);
            } else if (r.topic().equals(transcripts)) {
                if (!v.path("utterance").canConvertToLong()) {
                    throw new IOException(
                            "utterance must be a whole number, got " + v.path("utterance"));
                }
                state.transcript(text(v, "stream", r), v.path("utterance").asLong(), json);
            }
            counter("heed.dashboard.records", r.topic()).increment();
        } catch (IOException e) {
            counter("heed.dashboard.skipped", r.topic()).increment();
            if (skipped++ < 20 || skipped % 1000 == 0) {
                LOG.warn(
                        "dashboard skipped record {}-{}@{} ({} so far): {}",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        skipped,
                        e.getMessage());
            }
        }
    }

    private Counter counter(String name, String topic) {
        return Counter.builder(name).tag("topic", topic).register(registry);
    }

    /** The field {@code name}, else the record key. */
    private static String text(JsonNode v, String name, ConsumerRecord<byte[], byte[]> r)
            throws IOException {
        if (v.path(name).isTextual()) {
            return v.path(name).asText();
        }
        if (r.key() != null) {
            return new String(r.key(), StandardCharsets.UTF_8);
        }
        throw new IOException(name + " is missing and the record has no key");
    }

    private static double number(JsonNode v, String name) {
        return v.path(name).isNumber() ? v.path(name).asDouble() : Double.NaN;
    }

    private static double[] weights(JsonNode a) {
        double[] w = new double[a.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = a.get(i).asDouble();
        }
        return w;
    }
}
