package dev.heed.streams.sensors.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.models.AttentionMethod;
import dev.heed.models.forecasting.Forecast;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes one prediction record as JSON (schema: {@code streams/src/main/resources/schema/
 * prediction.schema.json}) with Jackson's streaming generator.
 */
final class PredictionWriter {
    private final AttentionMethod method;
    private final int topK;

    PredictionWriter(AttentionMethod method, int topK) {
        this.method = method;
        this.topK = topK;
    }

    byte[] write(Prediction p, Anomaly a, long emitNanos) {
        WindowSnapshot w = p.window();
        Forecast f = p.forecast();
        int steps = w.ts().length;
        long stepMs = steps > 1 ? Math.round((double) (w.end() - w.start()) / (steps - 1)) : 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + steps * 24);
        try (JsonGenerator g = WindowJson.JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("series", w.series());
            WindowJson.writeModel(g, p.model());
            WindowJson.writeWindow(g, w);
            g.writeArrayFieldStart("variables");
            for (String n : w.names()) {
                g.writeString(n);
            }
            g.writeEndArray();
            writePrediction(g, w, f, stepMs);
            WindowJson.writeAttention(g, w, f.method(), f.stepWeights(), topK);
            g.writeNumberField("anomaly_score", a.score());
            g.writeNumberField("anomaly_likelihood", a.likelihood());
            g.writeBooleanField("alarm_held_off", a.heldOff());
            g.writeBooleanField("warming_up", a.warmingUp());
            g.writeNumberField("batch_size", p.batchSize());
            g.writeNumberField("inference_ms", WindowJson.round3(p.inferenceMs()));
            g.writeNumberField(
                    "latency_ms", WindowJson.round3((emitNanos - w.arrivalNanos()) / 1e6));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writePrediction(JsonGenerator g, WindowSnapshot w, Forecast f, long stepMs)
            throws IOException {
        int horizon = f.prediction()[0].length;
        g.writeObjectFieldStart("prediction");
        g.writeNumberField("horizon", horizon);
        g.writeNumberField("step_ms", stepMs);
        g.writeArrayFieldStart("ts");
        for (int h = 1; h <= horizon; h++) {
            g.writeString(Instant.ofEpochMilli(w.end() + h * stepMs).toString());
        }
        g.writeEndArray();
        WindowJson.writeVariables(g, "values", w.names(), f.prediction());
        g.writeEndObject();
    }
}
