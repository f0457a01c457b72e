package dev.heed.streams.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A window as plain JSON, for dead letters about windows the model rejected. */
final class WindowJson {
  private static final JsonFactory JSON = new JsonFactory();

  private WindowJson() {}

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
}
