package dev.heed.streams.cli;

import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.web.Dashboard;
import dev.heed.streams.web.HttpSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/** {@code heed run}: the application, until SIGTERM or Ctrl-C (then a clean close and exit 0). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the sensor topology (embedded broker unless bootstrap.servers is set).")
final class RunCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        HeedConfig config = options.load();
        HttpSettings http = HttpSettings.of(config);
        ModelSource models = ModelSource.of(HeedApp.loadModel(config));
        SpeechModel loaded = HeedApp.loadSpeech(config);
        SpeechSource speech = loaded == null ? null : SpeechSource.of(loaded);
        HeedApp app = HeedApp.start(config, models, speech, new RouteCounters());
        app.watchModel(HeedApp.modelDir(config));
        app.watchSpeech(HeedApp.speechDir(config));
        Optional<Dashboard> web;
        try {
            web = http.enabled() ? Optional.of(Dashboard.start(app, http)) : Optional.empty();
        } catch (RuntimeException e) {
            app.close();
            models.close();
            closeSpeech(speech);
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown =
                () -> {
                    if (closed.compareAndSet(false, true)) {
                        web.ifPresent(Dashboard::close);
                        app.close();
                        models.close();
                        closeSpeech(speech);
                    }
                };
        // SIGTERM and Ctrl-C end the wait below: Heed closes (commits, flushes and closes its
        // stores) and exits 0; the hook covers any other way the JVM is told to exit
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "heed-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        System.err.printf(
                "heed: %s on %s; reading %s, writing %s and %s. Ctrl-C stops.%n",
                app.embedded() ? "embedded broker" : "cluster",
                app.config().getString("bootstrap.servers"),
                config.getString(HeedKeys.TOPIC_SENSORS),
                config.getString(HeedKeys.TOPIC_PREDICTIONS),
                config.getString(HeedKeys.TOPIC_DLQ));
        if (speech != null) {
            System.err.printf(
                    "heed: speech model %s; reading %s, writing %s%n",
                    speech.current().descriptor().name(),
                    config.getString(HeedKeys.TOPIC_AUDIO),
                    config.getString(HeedKeys.TOPIC_TRANSCRIPTS));
            if (speech.later() != null) {
                System.err.printf(
                        "heed: a stream's utterances after its first final: speech model %s (%s)%n",
                        speech.later().current().descriptor().name(),
                        HeedKeys.SPEECH_MODEL_LATER_DIR);
            }
        }
        web.ifPresent(
                d ->
                        System.err.printf(
                                "heed: dashboard at %s, metrics at %smetrics%n", d.url(), d.url()));
        stop.await();
        System.err.println("heed: stopping: committing and closing state stores");
        shutdown.run();
        System.err.println("heed: stopped");
        return 0;
    }

    private static void closeSpeech(SpeechSource speech) {
        if (speech != null) {
            speech.close();
        }
    }
}
