package dev.heed.streams.app;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.kafka.EmbeddedKafka;
import dev.heed.streams.kafka.Topics;
import dev.heed.streams.sensors.SensorTopology;
import dev.heed.streams.transcription.AudioTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Heed instance: the embedded broker when no {@code bootstrap.servers} is configured,
 * Heed's topics, and the Kafka Streams application running the sensor topology (and the audio
 * topology when a speech model is given).
 */
public final class HeedApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeedApp.class);

    private final HeedConfig config;
    private final EmbeddedKafka broker;
    private final KafkaStreams streams;
    private final ModelSource models;
    private final RouteCounters counters;
    private final SpeechSource speech;
    private final ThreadFailures failures;
    private ModelWatcher watcher;
    private ModelWatcher speechWatcher;
    private ModelWatcher laterWatcher;

    private HeedApp(
            HeedConfig config,
            EmbeddedKafka broker,
            KafkaStreams streams,
            ModelSource models,
            RouteCounters counters,
            SpeechSource speech,
            ThreadFailures failures) {
        this.failures = failures;
        this.config = config;
        this.broker = broker;
        this.streams = streams;
        this.models = models;
        this.counters = counters;
        this.speech = speech;
    }

    /**
     * Starts the broker if needed, creates the topics, and starts the topology on {@code models}.
     * Returns once Kafka Streams has been started (it may still be rebalancing).
     */
    public static HeedApp start(HeedConfig config, ModelSource models, RouteCounters counters) {
        return start(config, models, null, counters);
    }

    /**
     * As {@link #start(HeedConfig, ModelSource, RouteCounters)}, with the audio topology too when
     * {@code speech} is not null (the caller keeps and closes the speech source).
     */
    public static HeedApp start(
            HeedConfig config, ModelSource models, SpeechSource speech, RouteCounters counters) {
        // the topologies first: a bad setting is refused before an embedded broker starts
        Topology topology = SensorTopology.build(config, models, counters);
        if (speech != null) {
            AudioTopology.addTo(topology, config, speech, counters);
        }
        EmbeddedKafka broker = null;
        HeedConfig effective = config;
        if (!config.hasBootstrapServers()) {
            broker =
                    EmbeddedKafka.start(
                            Path.of(config.getString(HeedKeys.EMBEDDED_DIR)),
                            config.getInt(HeedKeys.EMBEDDED_PORT));
            effective = config.with("bootstrap.servers", broker.bootstrapServers());
        }
        try {
            Set<String> topics = new java.util.LinkedHashSet<>(SensorTopology.topics(effective));
            if (speech != null) {
                topics.addAll(AudioTopology.topics(effective));
            }
            Topics.ensure(
                    clientProperties(effective, AdminClientConfig.configNames()),
                    topics,
                    effective.getPositiveInt(HeedKeys.TOPIC_PARTITIONS),
                    (short) effective.getInt(HeedKeys.TOPIC_REPLICATION));
            KafkaStreams streams =
                    new KafkaStreams(topology, streamsProperties(effective, counters));
            ThreadFailures failures =
                    new ThreadFailures(
                            effective.getInt(HeedKeys.THREADS_MAX_FAILURES),
                            counters,
                            System::currentTimeMillis);
            streams.setUncaughtExceptionHandler(failures);
            streams.setGlobalStateRestoreListener(new RestoreLog(counters));
            streams.start();
            return new HeedApp(effective, broker, streams, models, counters, speech, failures);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /** Loads the model named by {@code model.dir} (the shipped default when unset). */
    public static ForecastModel loadModel(HeedConfig config) throws ModelLoadException {
        return ModelLoader.load(
                modelDir(config), DeviceChoice.parse(config.getString(HeedKeys.DEVICE)));
    }

    /**
     * Loads the speech model named by {@code speech.model.dir} (the shipped {@code speech-digits}
     * when unset); null, with a warning, when the default is not there, so the sensor path runs
     * alone.
     */
    public static SpeechModel loadSpeech(HeedConfig config) throws ModelLoadException {
        DeviceChoice device = DeviceChoice.parse(config.getString(HeedKeys.DEVICE));
        Path dir = speechDir(config);
        if (config.get(HeedKeys.SPEECH_MODEL_DIR).isEmpty() && !Files.isDirectory(dir)) {
            LOG.warn(
                    "no speech model at {}; the audio topology is off (set speech.model.dir)", dir);
            return null;
        }
        return SpeechModel.load(dir, device);
    }

    /** {@code speech.model.dir}, or the shipped {@code speech-digits} under the Heed home. */
    public static Path speechDir(HeedConfig config) {
        if (config.get(HeedKeys.SPEECH_MODEL_DIR).isPresent()) {
            return Path.of(config.getString(HeedKeys.SPEECH_MODEL_DIR));
        }
        Path home = Path.of(System.getProperty("heed.home", "."));
        Path shipped = home.resolve("models/shipped/speech-digits");
        return Files.isDirectory(shipped) ? shipped : Path.of("models/shipped/speech-digits");
    }

    /** {@code model.dir}, or the shipped default model under the Heed home. */
    public static Path modelDir(HeedConfig config) {
        return config.get(HeedKeys.MODEL_DIR)
                .map(Path::of)
                .orElseGet(
                        () -> {
                            Path home = Path.of(System.getProperty("heed.home", "."));
                            Path shipped = home.resolve("models/shipped/sensor-default");
                            return Files.isDirectory(shipped)
                                    ? shipped
                                    : Path.of("models/shipped/sensor-default");
                        });
    }

    /** As {@link #streamsProperties(HeedConfig, RouteCounters)}, counting nowhere. */
    public static Properties streamsProperties(HeedConfig config) {
        return streamsProperties(config, new RouteCounters());
    }

    /**
     * Kafka Streams properties: Heed's defaults plus every pass-through Kafka key, and Heed's
     * processing and production exception handlers ({@link DeadLetterOnError}), which count their
     * dead letters in {@code counters}.
     */
    public static Properties streamsProperties(HeedConfig config, RouteCounters counters) {
        Properties p = new Properties();
        p.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterOnError.Processing.class);
        p.put(
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterOnError.Production.class);
        p.put(DeadLetterOnError.COUNTERS, counters);
        p.put(DeadLetterOnError.DLQ_TOPIC, config.getString(HeedKeys.TOPIC_DLQ));
        p.put(DeadLetterOnError.MAX_BYTES, Integer.toString(config.outputMaxBytes()));
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(BoundedRocksDb.MEMORY, Long.toString(config.getBytes(HeedKeys.ROCKSDB_MEMORY_MAX)));
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16 * 1024 * 1024L);
        if (!config.hasBootstrapServers() || config.getInt(HeedKeys.TOPIC_REPLICATION) == 1) {
            p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        }
        p.putAll(config.kafkaProperties());
        return p;
    }

    /** The pass-through Kafka keys that a plain client of the given kind understands. */
    public static Map<String, Object> clientProperties(HeedConfig config, Set<String> known) {
        Map<String, Object> out = new HashMap<>();
        config.kafkaProperties()
                .forEach(
                        (k, v) -> {
                            if (known.contains(k)
                                    || k.startsWith("sasl.")
                                    || k.startsWith("ssl.")) {
                                out.put(k, v);
                            }
                        });
        return out;
    }

    /**
     * The settings of Heed's own plain producers ({@code heed send}, the demo's feeders, the
     * dashboard's microphone): the pass-through keys, and one request in flight per connection
     * unless set. With several in flight, an idempotent producer that writes into a partition the
     * broker has only just created can lose a batch: the first request fails with
     * NOT_LEADER_OR_FOLLOWER, a later one is appended, and every retry of the first then fails with
     * OUT_OF_ORDER_SEQUENCE_NUMBER until {@code delivery.timeout.ms} expires it (KAFKA-15591,
     * KAFKA-14359; seen with Kafka 4.3.1 in CrashFaultIT).
     */
    public static Map<String, Object> producerProperties(HeedConfig config) {
        Map<String, Object> p = clientProperties(config, ProducerConfig.configNames());
        p.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return p;
    }

    public static Map<String, Object> consumerProperties(HeedConfig config) {
        return clientProperties(config, ConsumerConfig.configNames());
    }

    /**
     * Watches {@code dir} every {@code model.watch.interval} (0 disables) and swaps in new model
     * versions while the application runs.
     */
    public synchronized void watchModel(Path dir) {
        java.time.Duration every = config.getDuration(HeedKeys.MODEL_WATCH_INTERVAL);
        if (watcher == null && !every.isZero()) {
            watcher =
                    ModelWatcher.start(
                            dir,
                            DeviceChoice.parse(config.getString(HeedKeys.DEVICE)),
                            models,
                            every);
        }
    }

    /**
     * Watches the speech model's {@code dir} every {@code model.watch.interval} (0 disables) and
     * swaps new versions in, and {@code speech.model.later.dir} the same way when it is set;
     * nothing when the audio topology does not run.
     */
    public synchronized void watchSpeech(Path dir) {
        java.time.Duration every = config.getDuration(HeedKeys.MODEL_WATCH_INTERVAL);
        if (speech == null || every.isZero()) {
            return;
        }
        DeviceChoice device = DeviceChoice.parse(config.getString(HeedKeys.DEVICE));
        if (speechWatcher == null) {
            speechWatcher = ModelWatcher.startSpeech(dir, device, speech, every);
        }
        Optional<String> laterDir = config.get(HeedKeys.SPEECH_MODEL_LATER_DIR);
        if (laterWatcher == null && speech.later() != null && laterDir.isPresent()) {
            laterWatcher =
                    ModelWatcher.startSpeech(
                            Path.of(laterDir.get()), device, speech.later(), every);
        }
    }

    /** The model watcher, or null when none runs. */
    public ModelWatcher watcher() {
        return watcher;
    }

    /**
     * The configuration in effect, with {@code bootstrap.servers} of the embedded broker if any.
     */
    public HeedConfig config() {
        return config;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public ModelSource models() {
        return models;
    }

    /** Whether the audio topology runs (a speech model was given): audio in, transcripts out. */
    public boolean transcribes() {
        return speech != null;
    }

    public RouteCounters counters() {
        return counters;
    }

    public boolean embedded() {
        return broker != null;
    }

    /**
     * Whether this instance is alive and ready: not when Kafka Streams failed or stopped, when
     * threads failed too often ({@code threads.max.failures}), or when a stream thread has not
     * polled for {@code health.stuck.after} (Kafka's {@code last-poll-seconds-ago} of each thread's
     * consumer: a thread stuck in a model call or a store stops polling).
     */
    public Liveness liveness() {
        KafkaStreams.State s = streams.state();
        boolean ready = s == KafkaStreams.State.RUNNING;
        if (s == KafkaStreams.State.ERROR
                || s == KafkaStreams.State.PENDING_ERROR
                || s == KafkaStreams.State.NOT_RUNNING
                || failures.gaveUp()) {
            return new Liveness(
                    false,
                    ready,
                    s.name(),
                    failures.gaveUp()
                            ? "stream threads failed more than threads.max.failures="
                                    + config.getInt(HeedKeys.THREADS_MAX_FAILURES)
                                    + " times in 10 minutes"
                            : "Kafka Streams is " + s);
        }
        return Stuck.find(streams.metrics(), config.getDuration(HeedKeys.HEALTH_STUCK_AFTER))
                .map(why -> new Liveness(false, ready, s.name(), why))
                .orElse(new Liveness(true, ready, s.name(), ""));
    }

    /** Waits until the streams are RUNNING; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                return streams.state() == KafkaStreams.State.RUNNING;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    /** Stops the streams (committing what was processed), then the embedded broker. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (speechWatcher != null) {
            speechWatcher.close();
        }
        if (laterWatcher != null) {
            laterWatcher.close();
        }
        streams.close(Duration.ofSeconds(30));
        if (broker != null) {
            broker.close();
        }
    }
}
