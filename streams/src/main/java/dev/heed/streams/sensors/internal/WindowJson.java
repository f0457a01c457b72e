package dev.heed.streams.sensors.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.attention.Attention;
import dev.heed.streams.internal.JsonOut;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON parts that predictions, anomalies and dead letters share: the window, the model, the
 * attention and its top steps.
 */
final class WindowJson {
    /** The shared generator factory ({@link JsonOut#JSON}). */
    static final JsonFactory JSON = JsonOut.JSON;

    private WindowJson() {}

    /** A window as plain JSON, for dead letters about windows the model rejected. */
    static byte[] write(WindowSnapshot w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("series", w.series());
            g.writeArrayFieldStart("ts");
            for (long t : w.ts()) {
                g.writeNumber(t);
            }
            g.writeEndArray();
            writeVariables(g, "values", w.names(), w.values());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void writeModel(JsonGenerator g, ModelDescriptor model) throws IOException {
        g.writeObjectFieldStart("model");
        g.writeStringField("name", model.name());
        g.writeStringField("version", model.version());
        g.writeEndObject();
    }

    /** {@code "window": {start, end, start_ms, end_ms, steps, filled, values}}. */
    static void writeWindow(JsonGenerator g, WindowSnapshot w) throws IOException {
        int steps = w.ts().length;
        g.writeObjectFieldStart("window");
        g.writeStringField("start", Instant.ofEpochMilli(w.start()).toString());
        g.writeStringField("end", Instant.ofEpochMilli(w.end()).toString());
        g.writeNumberField("start_ms", w.start());
        g.writeNumberField("end_ms", w.end());
        g.writeNumberField("steps", steps);
        g.writeArrayFieldStart("filled");
        for (int t = 0; t < steps; t++) {
            if (w.filled()[t]) {
                g.writeNumber(t);
            }
        }
        g.writeEndArray();
        writeVariables(g, "values", w.names(), w.values());
        g.writeEndObject();
    }

    /** {@code "attention": {method, weights}} then {@code "top_steps": [...]}. */
    static void writeAttention(
            JsonGenerator g, WindowSnapshot w, AttentionMethod method, float[] weights, int topK)
            throws IOException {
        g.writeObjectFieldStart("attention");
        g.writeStringField("method", method.wireName());
        g.writeArrayFieldStart("weights");
        for (float v : weights) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("top_steps");
        for (int t : Attention.topK(weights, topK)) {
            g.writeStartObject();
            g.writeNumberField("index", t);
            g.writeStringField("ts", Instant.ofEpochMilli(w.ts()[t]).toString());
            g.writeNumberField("ts_ms", w.ts()[t]);
            g.writeNumberField("weight", weights[t]);
            writeValues(g, "values", w.names(), w.values(), t);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "field": {"name": values[c][t], ...}}. */
    static void writeValues(JsonGenerator g, String field, String[] names, float[][] values, int t)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (int c = 0; c < names.length; c++) {
            g.writeNumberField(names[c], values[c][t]);
        }
        g.writeEndObject();
    }

    /** {@code "field": {"name": row[c], ...}}. */
    static void writeValues(JsonGenerator g, String field, String[] names, float[] row)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (int c = 0; c < names.length; c++) {
            g.writeNumberField(names[c], row[c]);
        }
        g.writeEndObject();
    }

    /** {@code "field": {"name": [v, ...], ...}}, one array per variable. */
    static void writeVariables(JsonGenerator g, String field, String[] names, float[][] values)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (int c = 0; c < names.length; c++) {
            g.writeArrayFieldStart(names[c]);
            for (float v : values[c]) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static double round3(double v) {
        return JsonOut.round3(v);
    }
}
