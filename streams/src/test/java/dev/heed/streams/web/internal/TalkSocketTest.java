package dev.heed.streams.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.app.Liveness;
import dev.heed.streams.metrics.HeedMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's microphone endpoint: chunks become a stream, and every bound holds. */
class TalkSocketTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> chunks = new CopyOnWriteArrayList<>();
    private HeedMetrics metrics;
    private WebServer server;

    private URI start(Optional<String> token, int maxStreams) throws Exception {
        metrics = new HeedMetrics();
        WebServer.TalkSink sink =
                (stream, rate, seq, pcm, end) ->
                        chunks.add(stream + " " + rate + " " + seq + " " + pcm.length + " " + end);
        server =
                WebServer.start(
                        "127.0.0.1",
                        0,
                        token,
                        metrics,
                        () -> new Liveness(true, true, "RUNNING", ""),
                        new LiveState(10),
                        Optional.of(new WebServer.Talk(sink, maxStreams, 320_000)));
        URI http = server.url();
        return URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/api/talk");
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    /** A socket that records what the server says and how it closes. */
    static final class Peer implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            texts.add(data.toString());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closes.add(code);
            return null;
        }

        String next() throws InterruptedException {
            String t = texts.poll(10, TimeUnit.SECONDS);
            assertThat(t).as("a message from the server").isNotNull();
            return t;
        }

        int closed() throws InterruptedException {
            Integer c = closes.poll(10, TimeUnit.SECONDS);
            assertThat(c).as("the server closed the socket").isNotNull();
            return c;
        }
    }

    private Peer open(URI uri, String header) {
        Peer p = new Peer();
        WebSocket.Builder b = http.newWebSocketBuilder();
        if (header != null) {
            b.header("Authorization", header);
        }
        p.socket = b.buildAsync(uri, p).join();
        return p;
    }

    @Test
    void shouldSendEachChunkAsTheNextOfOneStreamAndEndIt() throws Exception {
        URI uri = start(Optional.empty(), 4);
        Peer p = open(URI.create(uri + "?rate=16000"), null);
        String hello = p.next();
        assertThat(hello).startsWith("{\"stream\":\"talk-").contains("\"rate\":16000");
        String stream = hello.substring(11, hello.indexOf('"', 11));
        for (int i = 0; i < 3; i++) {
            p.socket.sendBinary(ByteBuffer.wrap(new byte[3200]), true).join();
        }
        p.socket.sendText("end", true).join();
        assertThat(p.closed()).isEqualTo(1000);
        assertThat(chunks)
                .containsExactly(
                        stream + " 16000 0 3200 false",
                        stream + " 16000 1 3200 false",
                        stream + " 16000 2 3200 false",
                        stream + " 16000 3 0 true");
        assertThat(metrics.scrape()).contains("heed_talk_chunks_total{outcome=\"sent\"} 3.0");
    }

    @Test
    void shouldRefuseABadChunkClearlyAndLetOtherStreamsGoOn() throws Exception {
        URI uri = start(Optional.empty(), 4);
        Peer good = open(URI.create(uri + "?rate=8000"), null);
        Peer bad = open(URI.create(uri + "?rate=8000"), null);
        good.next();
        bad.next();
        bad.socket.sendBinary(ByteBuffer.wrap(new byte[3]), true).join();
        assertThat(bad.next()).contains("\"error\"").contains("even number of bytes").contains("3");
        assertThat(bad.closed()).isEqualTo(1007);
        good.socket.sendBinary(ByteBuffer.wrap(new byte[1600]), true).join();
        good.socket.sendText("end", true).join();
        assertThat(good.closed()).isEqualTo(1000);
        assertThat(chunks).anyMatch(c -> c.endsWith(" 8000 0 1600 false"));
        assertThat(metrics.scrape()).contains("heed_talk_chunks_total{outcome=\"refused\"} 1.0");
    }

    @Test
    void shouldBoundTheRateTheChunkSizeAndTheOpenStreams() throws Exception {
        URI uri = start(Optional.empty(), 2);
        Peer badRate = open(URI.create(uri + "?rate=1000000"), null);
        assertThat(badRate.next())
                .contains("rate must be between 8000 and 48000")
                .contains("1000000");
        Peer fast = open(URI.create(uri + "?rate=8000"), null);
        fast.next();
        Peer big = open(URI.create(uri + "?rate=8000"), null);
        big.next();
        Peer third = open(URI.create(uri + "?rate=8000"), null);
        assertThat(third.next()).contains("too many microphones").contains("http.talk.max.streams");
        assertThat(third.closed()).isEqualTo(1013);
        big.socket.sendBinary(ByteBuffer.wrap(new byte[32_002]), true).join();
        assertThat(big.next()).contains("at most 32000 bytes");
        fast.socket.sendBinary(ByteBuffer.wrap(new byte[32_000]), true).join();
        fast.socket.sendBinary(ByteBuffer.wrap(new byte[32_000]), true).join();
        assertThat(fast.next()).contains("faster than real time");
        assertThat(fast.closed()).isEqualTo(1008);
    }

    @Test
    void shouldAskForTheTokenBeforeTheUpgrade() throws Exception {
        URI uri = start(Optional.of("s3cret"), 2);
        assertThatThrownBy(() -> open(URI.create(uri + "?rate=8000"), null))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        Peer p = open(URI.create(uri + "?rate=8000"), "Bearer s3cret");
        assertThat(p.next()).startsWith("{\"stream\":\"talk-");
    }
}
