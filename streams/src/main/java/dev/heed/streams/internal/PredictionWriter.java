package dev.heed.streams.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.models.Attention;
import dev.heed.models.AttentionMethod;
import dev.heed.models.Forecast;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes one prediction record as JSON (schema: {@code streams/src/main/resources/schema/
 * prediction.schema.json}) with Jackson's streaming generator.
 */
final class PredictionWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private final AttentionMethod method;
  private final int topK;

  PredictionWriter(AttentionMethod method, int topK) {
    this.method = method;
    this.topK = topK;
  }

  byte[] write(Prediction p, long emitNanos) {
    WindowSnapshot w = p.window();
    Forecast f = p.forecast();
    int steps = w.ts().length;
    long stepMs = steps > 1 ? Math.round((double) (w.end() - w.start()) / (steps - 1)) : 0;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + steps * 24);
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeStringField("series", w.series());
      g.writeObjectFieldStart("model");
      g.writeStringField("name", p.model().name());
      g.writeStringField("version", p.model().version());
      g.writeEndObject();
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
      WindowJson.writeVariables(g, "values", w.names(), w.values());
      g.writeEndObject();
      g.writeArrayFieldStart("variables");
      for (String n : w.names()) {
        g.writeString(n);
      }
      g.writeEndArray();
      writePrediction(g, w, f, stepMs);
      g.writeObjectFieldStart("attention");
      g.writeStringField("method", method.wireName());
      g.writeArrayFieldStart("weights");
      for (float v : f.stepWeights()) {
        g.writeNumber(v);
      }
      g.writeEndArray();
      g.writeEndObject();
      writeTopSteps(g, w, f.stepWeights());
      g.writeNumberField("batch_size", p.batchSize());
      g.writeNumberField("inference_ms", round3(p.inferenceMs()));
      g.writeNumberField("latency_ms", round3((emitNanos - w.arrivalNanos()) / 1e6));
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

  private void writeTopSteps(JsonGenerator g, WindowSnapshot w, float[] weights)
      throws IOException {
    g.writeArrayFieldStart("top_steps");
    for (int t : Attention.topK(weights, topK)) {
      g.writeStartObject();
      g.writeNumberField("index", t);
      g.writeStringField("ts", Instant.ofEpochMilli(w.ts()[t]).toString());
      g.writeNumberField("ts_ms", w.ts()[t]);
      g.writeNumberField("weight", weights[t]);
      g.writeObjectFieldStart("values");
      for (int c = 0; c < w.names().length; c++) {
        g.writeNumberField(w.names()[c], w.values()[c][t]);
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
