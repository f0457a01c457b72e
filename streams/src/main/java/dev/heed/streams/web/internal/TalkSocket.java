package dev.heed.streams.web.internal;

import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/talk}: a browser's microphone as one audio stream of {@code topic.audio}. The page
 * opens {@code /api/talk?rate=HZ}, receives {@code {"stream": "talk-..."}}, then sends binary
 * messages of 16-bit little-endian mono PCM at that rate, one chunk each, and the text {@code end}
 * when the speaker stops. Each chunk becomes a record of the stream with Heed's headers and the
 * next sequence number; {@code end}, or the socket closing, sends the last chunk ({@code
 * heed.end}), so the open utterance gets its final transcript.
 *
 * <p>Bounds: at most {@code maxStreams} open streams; a chunk of at most {@code maxChunkBytes} and
 * at most two seconds of audio; audio no faster than real time (plus a two-second allowance). A
 * message outside them gets {@code {"error": "..."}} and its socket is closed; other sockets go on.
 * Every message is counted in {@code heed_talk_chunks_total{outcome}}.
 */
final class TalkSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TalkSocket.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_RATE = 8_000;
    static final int MAX_RATE = 48_000;
    private static final double BURST_SECONDS = 2.0;

    private final WebServer.TalkSink sink;
    private final int maxStreams;
    private final int maxChunkBytes;
    private final Map<String, Talk> open = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter refused;

    TalkSocket(WebServer.TalkSink sink, int maxStreams, int maxChunkBytes, MeterRegistry registry) {
        this.sink = sink;
        this.maxStreams = maxStreams;
        this.maxChunkBytes = maxChunkBytes;
        this.sent = counter(registry, "sent");
        this.refused = counter(registry, "refused");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("heed.talk.chunks")
                .tag("outcome", outcome)
                .description(
                        "Microphone chunks from the dashboard: sent to the audio topic, or refused")
                .register(registry);
    }

    /** One open stream. */
    private static final class Talk {
        final String stream;
        final int rate;
        final long startNanos = System.nanoTime();
        long seq;
        long samples;
        boolean ended;

        Talk(String stream, int rate) {
            this.stream = stream;
            this.rate = rate;
        }
    }

    int active() {
        return open.size();
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onBinaryMessage(this::chunk);
        ws.onMessage(this::text);
        ws.onClose(this::closed);
        ws.onError(ctx -> LOG.debug("talk socket error: {}", String.valueOf(ctx.error())));
    }

    private void connect(WsConnectContext ctx) {
        String rateParam = ctx.queryParam("rate");
        int rate;
        try {
            rate = Integer.parseInt(rateParam == null ? "" : rateParam.trim());
        } catch (NumberFormatException e) {
            refuse(
                    ctx,
                    "rate must be the microphone's sample rate in Hz, "
                            + MIN_RATE
                            + "-"
                            + MAX_RATE
                            + ": '"
                            + rateParam
                            + "'",
                    1008);
            return;
        }
        if (rate < MIN_RATE || rate > MAX_RATE) {
            refuse(
                    ctx,
                    "rate must be between " + MIN_RATE + " and " + MAX_RATE + " Hz: " + rate,
                    1008);
            return;
        }
        synchronized (open) {
            if (open.size() >= maxStreams) {
                refuse(
                        ctx,
                        "too many microphones talking to this Heed ("
                                + maxStreams
                                + ", http.talk.max.streams); stop another one and try again",
                        1013);
                return;
            }
            String stream = "talk-" + HexFormat.of().formatHex(bytes(6));
            open.put(ctx.sessionId(), new Talk(stream, rate));
            ctx.send(
                    String.format(
                            Locale.ROOT,
                            "{\"stream\":\"%s\",\"rate\":%d,\"max_chunk_bytes\":%d}",
                            stream,
                            rate,
                            maxChunk(rate)));
        }
    }

    private void chunk(WsBinaryMessageContext ctx) {
        Talk t = open.get(ctx.sessionId());
        if (t == null || t.ended) {
            refuse(ctx, "this stream has ended; open a new one", 1008);
            return;
        }
        java.nio.ByteBuffer data = ctx.data();
        int n = data.remaining();
        if (n == 0 || n % 2 != 0) {
            refuse(ctx, "a chunk must be 16-bit PCM, an even number of bytes > 0: " + n, 1007);
            return;
        }
        if (n > maxChunk(t.rate)) {
            refuse(
                    ctx,
                    "a chunk may hold at most "
                            + maxChunk(t.rate)
                            + " bytes (2 s of audio or"
                            + " audio.max.chunk.bytes): "
                            + n,
                    1009);
            return;
        }
        double audio = (t.samples + n / 2) / (double) t.rate;
        double wall = (System.nanoTime() - t.startNanos) / 1e9;
        if (audio > wall + BURST_SECONDS) {
            refuse(
                    ctx,
                    String.format(
                            Locale.ROOT,
                            "audio arrives faster than real time (%.1f s"
                                    + " of audio in %.1f s); send the microphone as it records",
                            audio,
                            wall),
                    1008);
            return;
        }
        byte[] pcm = new byte[n];
        data.get(pcm);
        t.samples += n / 2;
        sink.chunk(t.stream, t.rate, t.seq++, pcm, false);
        sent.increment();
    }

    private void text(WsMessageContext ctx) {
        if (ctx.message().trim().equals("end")) {
            end(ctx.sessionId());
            ctx.closeSession(1000, "ended");
            return;
        }
        refuse(
                ctx,
                "send PCM as binary messages and the text end when done; got text '"
                        + abbreviate(ctx.message())
                        + "'",
                1003);
    }

    private void closed(WsCloseContext ctx) {
        end(ctx.sessionId());
        open.remove(ctx.sessionId());
    }

    /** The stream's last chunk, once, so that its open utterance gets a final transcript. */
    private void end(String session) {
        Talk t = open.get(session);
        if (t != null && !t.ended) {
            t.ended = true;
            sink.chunk(t.stream, t.rate, t.seq++, new byte[0], true);
        }
    }

    private int maxChunk(int rate) {
        return (int) Math.min(maxChunkBytes, 2L * rate * 2);
    }

    private void refuse(WsContext ctx, String message, int code) {
        refused.increment();
        LOG.info("talk: {}", message);
        end(ctx.sessionId());
        try {
            ctx.send("{\"error\":" + Json.quote(message) + "}");
        } catch (Exception e) {
            LOG.debug("could not tell the page: {}", e.toString());
        }
        ctx.closeSession(code, message.length() > 120 ? message.substring(0, 120) : message);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
