package dev.heed.streams.web;

import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.metrics.HeedMetrics;
import dev.heed.streams.metrics.SeriesGauges;
import dev.heed.streams.web.internal.FeedRouter;
import dev.heed.streams.web.internal.LiveState;
import dev.heed.streams.web.internal.OutputFeed;
import dev.heed.streams.web.internal.WebServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.Optional;

/**
 * The dashboard and monitoring endpoints of a running {@link HeedApp}: metrics bound to its
 * counters and Kafka Streams, a consumer of its output topics, and the HTTP server.
 *
 * <pre>{@code
 * HeedApp app = HeedApp.start(config, models, counters);
 * Optional<Dashboard> web = Dashboard.startIfEnabled(app);   // http.enabled
 * web.ifPresent(d -> System.err.println("dashboard at " + d.url()));
 * }</pre>
 */
public final class Dashboard implements AutoCloseable {
    private final HeedMetrics metrics;
    private final OutputFeed feed;
    private final WebServer server;

    private Dashboard(HeedMetrics metrics, OutputFeed feed, WebServer server) {
        this.metrics = metrics;
        this.feed = feed;
        this.server = server;
    }

    /** Starts the dashboard when {@code http.enabled} (the default); empty otherwise. */
    public static Optional<Dashboard> startIfEnabled(HeedApp app) {
        HttpSettings s = HttpSettings.of(app.config());
        return s.enabled() ? Optional.of(start(app, s)) : Optional.empty();
    }

    /** Starts the dashboard with {@code s}; a taken port is a {@link HeedStreamsException}. */
    public static Dashboard start(HeedApp app, HttpSettings s) {
        HeedMetrics metrics = new HeedMetrics();
        metrics.bindRoutes(app.counters(), app.config());
        metrics.bindStreams(app.streams(), app.config());
        LiveState state = new LiveState(s.seriesMax());
        SeriesGauges gauges = new SeriesGauges(metrics.registry(), s.seriesMax());
        WebServer server;
        try {
            server =
                    WebServer.start(
                            s.host(), s.port(), s.token(), metrics, app.streams()::state, state);
        } catch (IOException e) {
            metrics.close();
            String what =
                    e instanceof BindException
                            ? "the port is taken or the address is not " + "this machine's"
                            : e.toString();
            throw new HeedStreamsException(
                    "cannot serve the dashboard on "
                            + s.host()
                            + ":"
                            + s.port()
                            + " ("
                            + what
                            + "); set http.port to a free port, http.port=0 for any, or "
                            + "http.enabled=false",
                    e);
        }
        OutputFeed feed =
                new OutputFeed(
                        app.config(),
                        new FeedRouter(app.config(), state, gauges, metrics.registry()));
        feed.start();
        return new Dashboard(metrics, feed, server);
    }

    /** The address to open, such as {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return server.url();
    }

    public HeedMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        server.close();
        try {
            feed.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
    }
}
