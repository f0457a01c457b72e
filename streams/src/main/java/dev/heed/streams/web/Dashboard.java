package dev.heed.streams.web;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.metrics.HeedMetrics;
import dev.heed.streams.metrics.SeriesGauges;
import dev.heed.streams.transcription.AudioTopology;
import dev.heed.streams.web.internal.FeedRouter;
import dev.heed.streams.web.internal.LiveState;
import dev.heed.streams.web.internal.OutputFeed;
import dev.heed.streams.web.internal.WebServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final HeedMetrics metrics;
    private final OutputFeed feed;
    private final WebServer server;
    private final Producer<byte[], byte[]> talk;

    private Dashboard(
            HeedMetrics metrics, OutputFeed feed, WebServer server, Producer<byte[], byte[]> talk) {
        this.metrics = metrics;
        this.feed = feed;
        this.server = server;
        this.talk = talk;
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
        Producer<byte[], byte[]> producer =
                s.talk() && app.transcribes()
                        ? new KafkaProducer<>(
                                HeedApp.producerProperties(app.config()),
                                new ByteArraySerializer(),
                                new ByteArraySerializer())
                        : null;
        Optional<WebServer.Talk> talk =
                Optional.ofNullable(producer)
                        .map(
                                p ->
                                        new WebServer.Talk(
                                                sink(p, app.config()),
                                                s.talkMaxStreams(),
                                                s.talkMaxChunkBytes()));
        WebServer server;
        try {
            server =
                    WebServer.start(
                            s.host(), s.port(), s.token(), metrics, app::liveness, state, talk);
        } catch (IOException e) {
            metrics.close();
            if (producer != null) {
                producer.close();
            }
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
        return new Dashboard(metrics, feed, server, producer);
    }

    /** The microphone's chunks as records of {@code topic.audio}, keyed by the stream id. */
    private static WebServer.TalkSink sink(Producer<byte[], byte[]> producer, HeedConfig config) {
        String topic = config.getString(HeedKeys.TOPIC_AUDIO);
        return (stream, rate, seq, pcm, end) ->
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                null,
                                stream.getBytes(StandardCharsets.UTF_8),
                                pcm,
                                AudioTopology.chunkHeaders(rate, seq, end)),
                        (meta, e) -> {
                            if (e != null) {
                                LOG.warn(
                                        "a microphone chunk of {} was not sent: {}",
                                        stream,
                                        e.toString());
                            }
                        });
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
        if (talk != null) {
            talk.close(Duration.ofSeconds(5));
        }
        try {
            feed.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
    }
}
