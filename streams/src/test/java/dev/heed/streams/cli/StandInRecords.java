package dev.heed.streams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Records that stand in, in the dashboard test, for pipelines Heed does not have yet: transcripts
 * in the schema the speech pipeline will write to {@code heed.transcripts}, and an anomaly in the
 * schema of {@code heed.anomalies} built from a real prediction. The test produces them into their
 * topics as an external client would; switch to the real pipelines once they exist.
 */
final class StandInRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WORDS = {"four", "two", "seven", "nine", "one", "three"};
  private static final int FRAME_MS = 10;

  private StandInRecords() {}

  /** Utterance {@code n} of stream {@code mic-1}, with its first {@code tokens} tokens. */
  static byte[] transcript(int n, int tokens, boolean fin) throws Exception {
    long start = 1200L + n * 3000L;
    int words = 3;
    long wordMs = 420;
    long end = start + words * wordMs + 80;
    ObjectNode t = JSON.createObjectNode();
    t.put("stream", "mic-1").put("utterance", n).put("final", fin);
    ArrayNode toks = JSON.createArrayNode();
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < tokens; k++) {
      String w = WORDS[(n + k) % WORDS.length];
      text.append(k == 0 ? "" : " ").append(w);
      long ts = start + 40 + k * wordMs;
      long peak = ts + wordMs / 2;
      ObjectNode tok = toks.addObject().put("text", w).put("start_ms", ts)
          .put("end_ms", ts + wordMs - 60).put("confidence", k == 1 ? 0.55 : 0.93);
      ObjectNode att = tok.putObject("attention").put("start_ms", start).put("frame_ms", FRAME_MS);
      ArrayNode weights = att.putArray("weights");
      for (long f = start; f < end; f += FRAME_MS) {
        double z = (f - peak) / 90.0;
        weights.add(Math.round(Math.exp(-z * z) * 1e4) / 1e4);
      }
      att.put("peak_ms", peak);
    }
    t.put("text", text.toString()).put("start_ms", start).put("end_ms", end);
    t.putObject("model").put("name", "stand-in").put("version", "test");
    t.set("tokens", toks);
    ObjectNode audio = t.putObject("audio").put("start_ms", start).put("frame_ms", FRAME_MS);
    ArrayNode rms = audio.putArray("rms");
    for (long f = start; f < end; f += FRAME_MS) {
      double phase = ((f - start - 40) % wordMs) / (double) wordMs;
      double voiced = f - start < 40 || phase > 0.85 ? 0.02 : Math.sin(Math.PI * phase / 0.85);
      rms.add(Math.round((0.02 + 0.3 * voiced * (1 + 0.3 * Math.sin(f / 17.0))) * 1e4) / 1e4);
    }
    t.putArray("gaps").addObject().put("at_ms", start + wordMs + 200).put("missing_chunks", 1);
    t.put("latency_ms", 85.2);
    return JSON.writeValueAsBytes(t);
  }

}
