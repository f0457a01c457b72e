package dev.heed.eval.demo;

import dev.heed.eval.internal.TempDirs;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Durations;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.cli.ConfigOptions;
import dev.heed.streams.web.Dashboard;
import dev.heed.streams.web.HttpSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code heed demo}: the main job on the embedded broker, fed by a replay of real sensor series
 * shipped with Heed, with a live view of predictions and the steps that drove them.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run Heed on an embedded Kafka broker with a replay of real sensor series.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            description = "Stop after this long, such as 60s (default: until Ctrl-C).")
    String duration;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "100",
            description =
                    "Readings per second replayed, all series together (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--keep-data", description = "Keep the demo's broker and state folder.")
    boolean keepData;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("heed-demo-");
        HeedConfig config =
                options.load(
                        Map.of(
                                HeedKeys.EMBEDDED_DIR,
                                dir.resolve("kafka").toString(),
                                "state.dir",
                                dir.resolve("streams").toString(),
                                HeedKeys.EMBEDDED_PORT,
                                "0",
                                "application.id",
                                "heed-demo"));
        long forMs =
                duration == null ? Long.MAX_VALUE : Durations.parse("--for", duration).toMillis();
        HttpSettings http = HttpSettings.of(config);
        ForecastModel model = HeedApp.loadModel(config);
        ModelDescriptor d = model.descriptor();
        RouteCounters counters = new RouteCounters();
        out.printf(
                "heed demo: model %s (version %s, window %d steps, horizon %d), attention %s%n",
                d.name(),
                d.version(),
                d.window(),
                d.horizon(),
                config.getString(HeedKeys.ATTENTION_METHOD));
        long t0 = System.nanoTime();
        ModelSource models = ModelSource.of(model);
        SpeechModel speech = HeedApp.loadSpeech(config);
        if (speech != null) {
            out.printf(
                    "heed demo: speech model %s (version %s); live audio on %s -> %s%n",
                    speech.descriptor().name(),
                    speech.descriptor().version(),
                    config.getString(HeedKeys.TOPIC_AUDIO),
                    config.getString(HeedKeys.TOPIC_TRANSCRIPTS));
        }
        HeedApp app =
                HeedApp.start(
                        config, models, speech == null ? null : SpeechSource.of(speech), counters);
        app.watchModel(HeedApp.modelDir(config));
        out.printf(
                "heed demo: %s Kafka broker at %s; topics %s -> %s, dead letters %s%n",
                app.embedded() ? "embedded" : "external",
                app.config().getString("bootstrap.servers"),
                config.getString(HeedKeys.TOPIC_SENSORS),
                config.getString(HeedKeys.TOPIC_PREDICTIONS),
                config.getString(HeedKeys.TOPIC_DLQ));
        Optional<Dashboard> web = dashboard(app, http, out);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                done.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "heed-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        DemoReplay replay = new DemoReplay(app.config(), rate, out);
        DemoAudio audio = speech == null ? null : new DemoAudio(app.config());
        DemoWatch watch =
                new DemoWatch(app.config(), new LiveView(out, System.console() != null, 1500));
        try {
            watch.start();
            replay.start();
            if (audio != null) {
                audio.start();
            }
            stop.await(forMs, TimeUnit.MILLISECONDS);
        } finally {
            replay.stop();
            if (audio != null) {
                audio.stop();
            }
            awaitCaughtUp(counters, replay.sent(), Duration.ofSeconds(30), app, out);
            app.streams().close(Duration.ofSeconds(30));
            watch.stop(counters.predictions(), Duration.ofSeconds(3));
            web.ifPresent(Dashboard::close);
            app.close();
            models.close();
            if (speech != null) {
                speech.close();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            out.println(summary(counters, replay.sent(), watch.predictions(), secs));
            if (!keepData) {
                deleteTree(dir);
            } else {
                out.println("heed demo: data kept in " + dir);
            }
            done.countDown();
            if (stop.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    /** The dashboard, on a free port if {@code http.port} is taken; its URL is printed. */
    private static Optional<Dashboard> dashboard(HeedApp app, HttpSettings http, PrintStream out) {
        if (!http.enabled()) {
            return Optional.empty();
        }
        Dashboard d;
        try {
            d = Dashboard.start(app, http);
        } catch (HeedStreamsException e) {
            out.printf(
                    "heed demo: port %d is taken; the dashboard takes a free port%n", http.port());
            d =
                    Dashboard.start(
                            app,
                            new HttpSettings(
                                    true,
                                    http.host(),
                                    0,
                                    http.token(),
                                    http.seriesMax(),
                                    http.talk(),
                                    http.talkMaxStreams(),
                                    http.talkMaxChunkBytes()));
        }
        out.printf("heed demo: dashboard at %s (metrics at %smetrics)%n", d.url(), d.url());
        return Optional.of(d);
    }

    /**
     * Waits until every sent record was processed and every window predicted. It waits for as long
     * as the counts move, and stops, saying what is missing, when nothing moved for {@code stall}.
     */
    private static void awaitCaughtUp(
            RouteCounters c, long sent, Duration stall, HeedApp app, PrintStream out)
            throws InterruptedException {
        long progress = -1;
        long movedAt = System.nanoTime();
        while (c.recordsIn() < sent || predicted(c) < c.windows()) {
            long now = System.nanoTime();
            long p = c.recordsIn() + predicted(c);
            if (p != progress) {
                progress = p;
                movedAt = now;
            } else if (now - movedAt > stall.toNanos()) {
                out.printf(
                        "heed demo: stopped waiting after %d s without progress: %d of %d sent records"
                                + " processed, %d of %d windows predicted (Kafka Streams %s)%n",
                        stall.toSeconds(),
                        c.recordsIn(),
                        sent,
                        predicted(c),
                        c.windows(),
                        app.streams().state());
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Windows that reached an end: a prediction or a model-error dead letter. */
    private static long predicted(RouteCounters c) {
        return c.predictions() + c.deadLettersByReason().getOrDefault("model_error", 0L);
    }

    static String summary(RouteCounters c, long sent, long seen, double secs) {
        Map<String, Long> dl = c.deadLettersByReason();
        String reasons =
                dl.isEmpty()
                        ? ""
                        : dl.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ", " (", ")"));
        return String.format(
                "summary: %d records sent, %d records in, %d windows, %d predictions "
                        + "(%d read back from the topic), %d dead letters%s, %d anomalies; %d audio chunks,"
                        + " %d transcripts (%d final) in %.1f s",
                sent,
                c.recordsIn(),
                c.windows(),
                c.predictions(),
                seen,
                c.deadLetters(),
                reasons,
                c.anomalies(),
                c.chunksIn(),
                c.transcripts(),
                c.utterances(),
                secs);
    }

    private static void deleteTree(Path dir) {
        try {
            TempDirs.deleteTree(dir);
        } catch (java.io.IOException e) {
            System.err.println("heed demo: could not delete " + dir + ": " + e.getMessage());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
