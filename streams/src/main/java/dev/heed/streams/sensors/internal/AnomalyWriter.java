package dev.heed.streams.sensors.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.models.AttentionMethod;
import dev.heed.streams.internal.JsonOut;
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
            g.writeNumberField("range_excess", a.rangeExcess());
            WindowJson.writeValues(g, "observed", w.names(), a.observed());
            WindowJson.writeValues(g, "expected", w.names(), a.expected());
            writeBrokenBy(g, w, a);
            writeExpectedFrom(g, w, a.expectedFrom());
            writeNovelty(g, w, "long_context", a.longContext());
            writeNovelty(g, w, "recent_shape", a.recentShape());
            writeRepresentation(g, a.representation());
            writeStuck(g, w, a.stuck());
            WindowJson.writeWindow(g, w);
            WindowJson.writeAttention(
                    g, w, p.forecast().method(), p.forecast().stepWeights(), topK);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The new steps against what the previous forecast said for them, largest error first. */
    private static void writeBrokenBy(JsonGenerator g, WindowSnapshot w, Anomaly a)
            throws IOException {
        g.writeArrayFieldStart("broken_by");
        for (Anomaly.Broken b : a.brokenBy()) {
            long ts = w.ts()[b.step()];
            g.writeStartObject();
            g.writeNumberField("index", b.step());
            g.writeStringField("ts", Instant.ofEpochMilli(ts).toString());
            g.writeNumberField("ts_ms", ts);
            float[] observed = new float[w.names().length];
            for (int v = 0; v < observed.length; v++) {
                observed[v] = w.values()[v][b.step()];
            }
            WindowJson.writeValues(g, "observed", w.names(), observed);
            WindowJson.writeValues(g, "expected", w.names(), b.expected());
            g.writeNumberField("error", JsonOut.round3(b.error()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The steps the previous forecast's explanation weighted most; null before there was one. */
    private static void writeExpectedFrom(
            JsonGenerator g, WindowSnapshot w, AnomalyState.Expectation e) throws IOException {
        if (e == null) {
            g.writeNullField("expected_from");
            return;
        }
        g.writeObjectFieldStart("expected_from");
        g.writeStringField("method", e.method());
        g.writeArrayFieldStart("steps");
        for (int i = 0; i < e.ts().length; i++) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(e.ts()[i]).toString());
            g.writeNumberField("ts_ms", e.ts()[i]);
            g.writeNumberField("weight", e.weights()[i]);
            WindowJson.writeValues(g, "values", w.names(), e.values()[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** How new the model's representation of the window's newest patch was. */
    private static void writeRepresentation(JsonGenerator g, EmbeddingMemory.Seen r)
            throws IOException {
        if (r == null) {
            g.writeNullField("representation");
            return;
        }
        g.writeObjectFieldStart("representation");
        g.writeNumberField("novelty_likelihood", r.likelihood());
        g.writeNumberField("distance", JsonOut.round3(r.distance()));
        g.writeEndObject();
    }

    /**
     * The run of identical values that alarmed: which variable, how long, since when, how unlikely.
     */
    private static void writeStuck(JsonGenerator g, WindowSnapshot w, StuckRun.Seen s)
            throws IOException {
        if (s == null) {
            g.writeNullField("stuck_run");
            return;
        }
        g.writeObjectFieldStart("stuck_run");
        g.writeStringField("variable", w.names()[s.variable()]);
        g.writeNumberField("readings", s.readings());
        g.writeStringField("since", Instant.ofEpochMilli(s.sinceMs()).toString());
        g.writeNumberField("since_ms", s.sinceMs());
        g.writeNumberField("chance", s.chance());
        g.writeEndObject();
    }

    /** How new a view's shape was, and the buckets that differed most from memory. */
    private static void writeNovelty(JsonGenerator g, WindowSnapshot w, String field, Novelty n)
            throws IOException {
        if (n == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeNumberField("novelty_likelihood", n.likelihood());
        g.writeNumberField("distance", JsonOut.round3(n.distance()));
        g.writeNumberField("span_ms", n.spanMs());
        g.writeArrayFieldStart("buckets");
        for (Novelty.Bucket b : n.buckets()) {
            g.writeStartObject();
            g.writeStringField("from", Instant.ofEpochMilli(b.fromMs()).toString());
            g.writeNumberField("from_ms", b.fromMs());
            g.writeNumberField("to_ms", b.toMs());
            WindowJson.writeValues(g, "observed", w.names(), b.observed());
            WindowJson.writeValues(g, "remembered", w.names(), b.remembered());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
