package dev.heed.streams.sensors.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.models.AttentionMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes one anomaly record as JSON (schema: {@code streams/src/main/resources/schema/
 * anomaly.schema.json}): how sure, what was seen against what was expected, and which steps of the
 * window the model attended to.
 */
final class AnomalyWriter {
    private final AttentionMethod method;
    private final int topK;
    private final double threshold;

    AnomalyWriter(AttentionMethod method, int topK, double threshold) {
        this.method = method;
        this.topK = topK;
        this.threshold = threshold;
    }

    byte[] write(Prediction p, Anomaly a) {
        WindowSnapshot w = p.window();
        long ts = w.ts()[a.step()];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + w.ts().length * 24);
        try (JsonGenerator g = WindowJson.JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("series", w.series());
            WindowJson.writeModel(g, p.model());
            g.writeStringField("ts", Instant.ofEpochMilli(ts).toString());
            g.writeNumberField("ts_ms", ts);
            g.writeNumberField("anomaly_score", a.score());
            g.writeNumberField("anomaly_likelihood", a.likelihood());
            g.writeNumberField("threshold", threshold);
            g.writeBooleanField("warming_up", a.warmingUp());
            g.writeBooleanField("range_break", a.rangeBreak());
            WindowJson.writeValues(g, "observed", w.names(), a.observed());
            WindowJson.writeValues(g, "expected", w.names(), a.expected());
            WindowJson.writeWindow(g, w);
            WindowJson.writeAttention(
                    g, w, p.forecast().method(), p.forecast().stepWeights(), topK);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
