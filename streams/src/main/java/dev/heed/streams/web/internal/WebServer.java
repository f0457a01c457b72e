package dev.heed.streams.web.internal;

import dev.heed.streams.app.Liveness;
import dev.heed.streams.metrics.HeedMetrics;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server, Javalin on Jetty 12: {@code /} and its files, {@code /api/snapshot}, {@code
 * /events} (Server-Sent Events), {@code /metrics}, {@code /health/live}, {@code /health/ready}, and
 * the WebSocket {@code /api/talk} (the page's microphone, when a talk sink is given). Everything
 * but the health checks asks for the token when {@code http.auth.token} is set. Only GET and HEAD
 * are served; another method on a known path gets 405.
 */
public final class WebServer implements AutoCloseable {
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final int THREADS = EventStream.MAX_STREAMS + 24;

    private final Javalin app;
    private final EventStream events;
    private final URI url;

    private WebServer(Javalin app, EventStream events, URI url) {
        this.app = app;
        this.events = events;
        this.url = url;
    }

    /** Where the microphone's chunks go: the audio topic. */
    public interface TalkSink {
        /**
         * Chunk {@code seq} of {@code stream}, 16-bit mono PCM at {@code rate}; the last when end.
         */
        void chunk(String stream, int rate, long seq, byte[] pcm, boolean end);
    }

    /** The microphone endpoint's settings: where chunks go and how many streams may talk. */
    public record Talk(TalkSink sink, int maxStreams, int maxChunkBytes) {}

    /**
     * Binds {@code host}:{@code port} ({@code http.host}, {@code http.port}) and serves, asking for
     * {@code token} ({@code http.auth.token}) when one is given; {@code talk} empty leaves {@code
     * /api/talk} out. Throws a {@link BindException} if the port is taken.
     */
    public static WebServer start(
            String host,
            int port,
            Optional<String> token,
            HeedMetrics metrics,
            Supplier<Liveness> streams,
            LiveState state,
            Optional<Talk> talk)
            throws IOException {
        EventStream events = new EventStream(state);
        Optional<TokenCheck> check = token.map(TokenCheck::new);
        Optional<TalkSocket> socket =
                talk.map(
                        t ->
                                new TalkSocket(
                                        t.sink(),
                                        t.maxStreams(),
                                        t.maxChunkBytes(),
                                        metrics.registry()));
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 4);
        threads.setName("heed-http");
        threads.setDaemon(true);
        Javalin app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            config.jetty.host = host;
                            config.jetty.port = port;
                            config.jetty.threadPool = threads;
                            config.http.prefer405over404 = true;
                            config.http.compressionStrategy =
                                    io.javalin.compression.CompressionStrategy.NONE;
                            check.ifPresent(
                                    c -> {
                                        config.routes.before(
                                                ctx -> {
                                                    if (!ctx.path().startsWith("/health/")) {
                                                        c.before(ctx);
                                                    }
                                                });
                                        config.routes.wsBeforeUpgrade(c::beforeUpgrade);
                                    });
                            config.routes.get("/health/live", Health.handler("live", streams));
                            config.routes.get("/health/ready", Health.handler("ready", streams));
                            config.routes.get(
                                    "/api/snapshot",
                                    ctx ->
                                            Responses.send(
                                                    ctx,
                                                    200,
                                                    "application/json",
                                                    state.snapshotJson()));
                            config.routes.get("/events", events.handler());
                            config.routes.get(
                                    "/metrics",
                                    ctx ->
                                            Responses.send(
                                                    ctx, 200, PROMETHEUS_TYPE, metrics.scrape()));
                            config.routes.get("/", StaticFiles.handler());
                            config.routes.get("/vendor/chart.js", StaticFiles.handler());
                            config.routes.get("/{file}", StaticFiles.handler());
                            socket.ifPresent(s -> config.routes.ws("/api/talk", s::configure));
                        });
        try {
            app.start();
        } catch (JavalinBindException e) {
            BindException b = new BindException(e.getMessage());
            b.initCause(e);
            throw b;
        } catch (RuntimeException e) {
            throw new IOException("cannot start the web server on " + host + ":" + port, e);
        }
        Gauge.builder("heed.dashboard.clients", events, EventStream::active)
                .description("Browsers following the live event stream")
                .register(metrics.registry());
        socket.ifPresent(
                s ->
                        Gauge.builder("heed.talk.streams", s, TalkSocket::active)
                                .description("Microphones talking through the dashboard")
                                .register(metrics.registry()));
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        URI url =
                URI.create(
                        "http://"
                                + (shown.contains(":") ? "[" + shown + "]" : shown)
                                + ":"
                                + app.port()
                                + "/");
        return new WebServer(app, events, url);
    }

    /** The address to open, with the real port when {@code http.port=0}. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
