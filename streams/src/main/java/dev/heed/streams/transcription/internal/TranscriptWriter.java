package dev.heed.streams.transcription.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechToken;
import dev.heed.models.speech.Transcript;
import dev.heed.streams.internal.JsonOut;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one transcript record as JSON (schema: {@code streams/src/main/resources/schema/
 * transcript.schema.json}): the utterance, its text, and per token its times, confidence and
 * attention over the audio. Times are milliseconds from the stream's first sample.
 */
final class TranscriptWriter {
    private final SpeechDescriptor model;
    private final double frameMs;

    TranscriptWriter(SpeechDescriptor model, double frameSeconds) {
        this.model = model;
        this.frameMs = frameSeconds * 1000;
    }

    byte[] write(String stream, AudioState st, long end, boolean fin, Transcript t, long arrival) {
        long startMs = Math.round(st.uttStart * frameMs);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JsonOut.JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("stream", stream);
            g.writeNumberField("utterance", st.utterances);
            g.writeBooleanField("final", fin);
            g.writeStringField("text", t.text());
            g.writeNumberField("start_ms", startMs);
            g.writeNumberField("end_ms", Math.round(end * frameMs));
            g.writeObjectFieldStart("model");
            g.writeStringField("name", model.name());
            g.writeStringField("version", model.version());
            g.writeEndObject();
            g.writeArrayFieldStart("tokens");
            for (SpeechToken k : t.tokens()) {
                writeToken(g, k, startMs, t.stepSeconds() * 1000);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("audio");
            g.writeNumberField("start_ms", startMs);
            g.writeNumberField("frame_ms", frameMs);
            g.writeArrayFieldStart("rms");
            for (float v : st.rms(st.uttStart, end)) {
                g.writeNumber(Math.round(v * 1e5) / 1e5);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("gaps");
            for (long[] gap : st.gaps) {
                g.writeStartObject();
                g.writeNumberField("at_ms", gap[0]);
                g.writeNumberField("missing_chunks", gap[1]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("latency_ms", JsonOut.round3((System.nanoTime() - arrival) / 1e6));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeToken(JsonGenerator g, SpeechToken k, long startMs, double stepMs)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("text", k.text());
        g.writeNumberField("start_ms", startMs + Math.round(k.startSeconds() * 1000));
        g.writeNumberField("end_ms", startMs + Math.round(k.endSeconds() * 1000));
        g.writeNumberField("confidence", Math.round(k.confidence() * 1e4) / 1e4);
        g.writeObjectFieldStart("attention");
        g.writeNumberField("start_ms", startMs);
        g.writeNumberField("frame_ms", stepMs);
        g.writeArrayFieldStart("weights");
        for (float w : k.attention()) {
            g.writeNumber(Math.round(w * 1e5) / 1e5);
        }
        g.writeEndArray();
        g.writeNumberField("peak_ms", startMs + Math.round(k.peakSeconds() * 1000));
        g.writeEndObject();
        g.writeEndObject();
    }
}
