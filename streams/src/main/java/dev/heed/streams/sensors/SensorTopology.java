package dev.heed.streams.sensors;

import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.streams.ConfigException;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.sensors.internal.AnomalySettings;
import dev.heed.streams.sensors.internal.Batching;
import dev.heed.streams.sensors.internal.NoveltySettings;
import dev.heed.streams.sensors.internal.SensorProcessor;
import dev.heed.streams.sensors.internal.SensorSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The sensor topology: readings from {@code topic.sensors} are windowed per series, run through the
 * model in micro-batches, and come out as predictions with attention on {@code topic.predictions};
 * windows whose anomaly likelihood reaches {@code anomaly.threshold} also go, with their
 * explanation, to {@code topic.anomalies}; every record that cannot be used goes to {@code
 * topic.dlq} with its reason.
 *
 * <pre>
 * sensors-source -> sensor-attention [heed-series, heed-pending,  -> predictions-sink
 *                                     heed-anomaly, heed-novelty] -> anomalies-sink
 *                                                                 -> dlq-sink
 * </pre>
 */
public final class SensorTopology {
    private SensorTopology() {}

    /** Builds the topology that {@code heed run} runs and tests drive. */
    public static Topology build(HeedConfig config, ModelSource models, RouteCounters counters) {
        SensorSettings s = settings(config, models.current().descriptor());
        Batching batching =
                new Batching(
                        models,
                        s.method(),
                        config.getPositiveInt(HeedKeys.BATCH_MAX_SIZE),
                        config.getDuration(HeedKeys.BATCH_MAX_WAIT).toMillis(),
                        counters,
                        new Batching.Retry(
                                config.getInt(HeedKeys.MODEL_RETRIES),
                                config.getDuration(HeedKeys.MODEL_RETRY_BACKOFF).toMillis()));
        Topology t = new Topology();
        t.addSource(
                SensorSettings.SOURCE,
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer(),
                s.sensorsTopic());
        t.addProcessor(
                SensorSettings.PROCESSOR,
                () -> new SensorProcessor(s, batching, counters),
                SensorSettings.SOURCE);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(SensorSettings.SERIES_STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withCachingEnabled(),
                SensorSettings.PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(SensorSettings.PENDING_STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withCachingEnabled(),
                SensorSettings.PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(SensorSettings.ANOMALY_STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withCachingEnabled(),
                SensorSettings.PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(SensorSettings.NOVELTY_STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withCachingEnabled(),
                SensorSettings.PROCESSOR);
        t.addSink(
                SensorSettings.PREDICTIONS_SINK,
                s.predictionsTopic(),
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(),
                SensorSettings.PROCESSOR);
        t.addSink(
                SensorSettings.ANOMALIES_SINK,
                s.anomaly().topic(),
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(),
                SensorSettings.PROCESSOR);
        t.addSink(
                SensorSettings.DLQ_SINK,
                s.dlqTopic(),
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(),
                SensorSettings.PROCESSOR);
        return t;
    }

    /** The topics the topology reads and writes (not its internal changelogs). */
    public static List<String> topics(HeedConfig config) {
        return List.of(
                config.getString(HeedKeys.TOPIC_SENSORS),
                config.getString(HeedKeys.TOPIC_PREDICTIONS),
                config.getString(HeedKeys.TOPIC_ANOMALIES),
                config.getString(HeedKeys.TOPIC_DLQ));
    }

    static SensorSettings settings(HeedConfig config, ModelDescriptor model) {
        int steps = model.window();
        config.get(HeedKeys.WINDOW_STEPS)
                .ifPresent(
                        v -> {
                            if (config.getPositiveInt(HeedKeys.WINDOW_STEPS) != steps) {
                                throw new ConfigException(
                                        "window.steps="
                                                + v
                                                + " but model '"
                                                + model.name()
                                                + "' takes windows of "
                                                + steps
                                                + " steps; unset window.steps or train a model "
                                                + "with --window "
                                                + v);
                            }
                        });
        boolean time = config.getString(HeedKeys.WINDOW_MODE).equals("time");
        String[] variables = null;
        List<String> modelVars = model.variables();
        if (!(modelVars.size() == 1 && modelVars.get(0).equals("*"))) {
            variables = modelVars.toArray(new String[0]);
        } else if (!config.getList(HeedKeys.SENSORS_VARIABLES).isEmpty()) {
            variables =
                    config.getList(HeedKeys.SENSORS_VARIABLES).stream()
                            .sorted()
                            .toArray(String[]::new);
        }
        return new SensorSettings(
                config.getString(HeedKeys.TOPIC_SENSORS),
                config.getString(HeedKeys.TOPIC_PREDICTIONS),
                config.getString(HeedKeys.TOPIC_DLQ),
                steps,
                config.getPositiveInt(HeedKeys.WINDOW_STRIDE),
                time ? config.getDuration(HeedKeys.WINDOW_INTERVAL).toMillis() : 0,
                config.getPositiveInt(HeedKeys.WINDOW_MAX_FILL),
                config.getDuration(HeedKeys.WINDOW_GRACE).toMillis(),
                variables,
                AttentionMethod.parse(config.getString(HeedKeys.ATTENTION_METHOD)),
                config.getPositiveInt(HeedKeys.ATTENTION_TOP_K),
                config.getPositiveInt(HeedKeys.INPUT_MAX_BYTES),
                config.getDuration(HeedKeys.TIMESTAMP_MAX_FUTURE).toMillis(),
                config.getPositiveInt(HeedKeys.INPUT_MAX_DEAD_LETTERS),
                model.horizon(),
                config.outputMaxBytes(),
                config.getPositiveInt(HeedKeys.WINDOW_MAX_HELD),
                idleExpiry(config),
                anomalySettings(config, steps, patchLength(model)));
    }

    /** {@code series.idle.expiry}: 0 (never), or longer than {@code window.grace}. */
    static long idleExpiry(HeedConfig config) {
        long ms = config.getDuration(HeedKeys.SERIES_IDLE_EXPIRY).toMillis();
        long grace = config.getDuration(HeedKeys.WINDOW_GRACE).toMillis();
        if (ms != 0 && ms <= grace) {
            throw new ConfigException(
                    HeedKeys.SERIES_IDLE_EXPIRY
                            + "="
                            + config.getString(HeedKeys.SERIES_IDLE_EXPIRY)
                            + " must be 0 (never) or longer than window.grace="
                            + config.getString(HeedKeys.WINDOW_GRACE));
        }
        return ms;
    }

    /** The model's patch, in readings: the default recent-shape view; 16 when it names none. */
    static int patchLength(ModelDescriptor model) {
        int p = model.architecture() == null ? 0 : model.architecture().patchLen();
        return p > 0 ? p : 16;
    }

    static AnomalySettings anomalySettings(HeedConfig config, int steps, int patch) {
        return new AnomalySettings(
                config.getString(HeedKeys.TOPIC_ANOMALIES),
                config.getDouble(HeedKeys.ANOMALY_THRESHOLD, 0, 1),
                config.getInt(HeedKeys.ANOMALY_WARMUP),
                config.getPositiveInt(HeedKeys.ANOMALY_WINDOW_SHORT),
                config.getPositiveInt(HeedKeys.ANOMALY_WINDOW_LONG),
                config.getDouble(HeedKeys.ANOMALY_RANGE_TOLERANCE, 0, 100),
                holdoff(
                        config,
                        steps,
                        config.getDuration(HeedKeys.ANOMALY_NOVELTY_SPAN).toMillis() > 0),
                config.getBoolean(HeedKeys.ANOMALY_FORECAST_ALARMS),
                new NoveltySettings(
                        config.getDuration(HeedKeys.ANOMALY_NOVELTY_SPAN).toMillis(),
                        atMost(
                                HeedKeys.ANOMALY_NOVELTY_POINTS,
                                config.getPositiveInt(HeedKeys.ANOMALY_NOVELTY_POINTS)),
                        config.getPositiveInt(HeedKeys.ANOMALY_NOVELTY_MEMORY),
                        atMost(HeedKeys.ANOMALY_NOVELTY_FINE, fine(config, patch)),
                        oneOf(config, HeedKeys.ANOMALY_NOVELTY_SHAPE, "centred", "level"),
                        embedding(config, patch),
                        config.getPositiveInt(HeedKeys.ANOMALY_NOVELTY_CACHE)),
                config.getDouble(HeedKeys.ANOMALY_FORECAST_PERIODIC, 0, 1000),
                config.getDouble(HeedKeys.ANOMALY_RANGE_SCALE, 0, 100),
                config.getDouble(HeedKeys.ANOMALY_STUCK, 0, 0.5));
    }

    /** Whether {@code key} is {@code yes}; it must be {@code yes} or {@code no}. */
    static boolean oneOf(HeedConfig config, String key, String yes, String no) {
        String s = config.getString(key).trim();
        if (s.equals(yes) || s.equals(no)) {
            return s.equals(yes);
        }
        throw new ConfigException(
                key
                        + " must be "
                        + yes
                        + " or "
                        + no
                        + " (see the README's configuration table): '"
                        + s
                        + "'");
    }

    private static int atMost(String key, int n) {
        if (n > NoveltySettings.MAX_POINTS) {
            throw new ConfigException(
                    key + " must be at most " + NoveltySettings.MAX_POINTS + ": " + n);
        }
        return n;
    }

    /** {@code anomaly.novelty.fine}: {@code patch} (the model's patch, in readings), N, or 0. */
    static int fine(HeedConfig config, int patch) {
        return readings(
                config,
                HeedKeys.ANOMALY_NOVELTY_FINE,
                Map.of("patch", patch),
                "patch (the model's patch), a number of readings >= 1, or 0 for none");
    }

    /** {@code anomaly.novelty.embedding}: readings per remembered embedding, 0 for none. */
    static int embedding(HeedConfig config, int patch) {
        return readings(
                config,
                HeedKeys.ANOMALY_NOVELTY_EMBEDDING,
                Map.of("patch", patch),
                "patch (one per model patch), a number of readings >= 1, or 0 for none");
    }

    /**
     * {@code anomaly.holdoff}: {@code span} (the readings of the long-context view, one day of the
     * series' sampling by default; the window when that view is off), {@code window} (the model's
     * window, in readings), N, or 0.
     */
    static int holdoff(HeedConfig config, int steps, boolean longView) {
        return readings(
                config,
                HeedKeys.ANOMALY_HOLDOFF,
                Map.of("span", longView ? AnomalySettings.HOLDOFF_SPAN : steps, "window", steps),
                "span (the long-context view's readings), window (the model's window), a number"
                        + " of readings >= 0, or 0 for none");
    }

    /** A count of readings, or one of {@code named}'s keywords (case-insensitive). */
    private static int readings(
            HeedConfig config, String key, Map<String, Integer> named, String expected) {
        String v = config.getString(key).trim();
        Integer keyword = named.get(v.toLowerCase(Locale.ROOT));
        if (keyword != null) {
            return keyword;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ConfigException(key + " must be " + expected + ": '" + v + "'");
    }
}
