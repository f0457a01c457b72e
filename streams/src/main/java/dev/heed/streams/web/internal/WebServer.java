package dev.heed.streams.web.internal;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.heed.streams.metrics.HeedMetrics;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP server (the JDK's): {@code /} and its files, {@code /api/snapshot}, {@code /events},
 * {@code /metrics}, {@code /health/live} and {@code /health/ready}. Everything but the health
 * checks sits behind the token filter when {@code http.auth.token} is set.
 */
public final class WebServer implements AutoCloseable {
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService pool;
    private final EventStream events;
    private final URI url;

    private WebServer(HttpServer server, ExecutorService pool, EventStream events, URI url) {
        this.server = server;
        this.pool = pool;
        this.events = events;
        this.url = url;
    }

    /**
     * Binds {@code host}:{@code port} ({@code http.host}, {@code http.port}) and serves, asking for
     * {@code token} ({@code http.auth.token}) when one is given; throws if the port is taken.
     */
    public static WebServer start(
            String host,
            int port,
            Optional<String> token,
            HeedMetrics metrics,
            Supplier<KafkaStreams.State> streams,
            LiveState state)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        EventStream events = new EventStream(state);
        TokenFilter filter = token.map(TokenFilter::new).orElse(null);
        add(server, "/", StaticFiles.handler(), filter);
        add(
                server,
                "/api/snapshot",
                ex -> Routes.send(ex, 200, "application/json", state.snapshotJson()),
                filter);
        add(server, "/events", events.handler(), filter);
        add(
                server,
                "/metrics",
                ex -> Routes.send(ex, 200, PROMETHEUS_TYPE, metrics.scrape()),
                filter);
        add(server, "/health/live", Health.handler("live", streams), null);
        add(server, "/health/ready", Health.handler("ready", streams), null);
        Gauge.builder("heed.dashboard.clients", events, EventStream::active)
                .description("Browsers following the live event stream")
                .register(metrics.registry());
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        EventStream.MAX_STREAMS + 8,
                        r -> {
                            Thread t = new Thread(r, "heed-http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(pool);
        server.start();
        InetSocketAddress a = server.getAddress();
        String shown = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : host;
        URI url =
                URI.create(
                        "http://"
                                + (shown.contains(":") ? "[" + shown + "]" : shown)
                                + ":"
                                + a.getPort()
                                + "/");
        return new WebServer(server, pool, events, url);
    }

    private static void add(HttpServer server, String path, Routes.Handler h, TokenFilter filter) {
        HttpHandler handler = Routes.get(h);
        HttpContext c = server.createContext(path, handler);
        if (filter != null) {
            c.getFilters().add(filter);
        }
    }

    /** The address to open, with the real port when {@code http.port=0}. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        pool.shutdownNow();
    }
}
