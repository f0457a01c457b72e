package dev.heed.streams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Heed's own configuration keys and their defaults; every other key goes to Kafka. */
public final class HeedKeys {
    public static final String TOPIC_SENSORS = "topic.sensors";
    public static final String TOPIC_PREDICTIONS = "topic.predictions";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String TOPIC_ANOMALIES = "topic.anomalies";
    public static final String TOPIC_TRANSCRIPTS = "topic.transcripts";
    public static final String TOPIC_AUDIO = "topic.audio";
    public static final String SPEECH_MODEL_DIR = "speech.model.dir";
    public static final String SPEECH_MODEL_LATER_DIR = "speech.model.later.dir";
    public static final String AUDIO_MAX_CHUNK_BYTES = "audio.max.chunk.bytes";
    public static final String AUDIO_PARTIAL_INTERVAL = "audio.partial.interval";
    public static final String AUDIO_PREROLL = "audio.preroll";
    public static final String AUDIO_MAX_UTTERANCE = "audio.max.utterance";
    public static final String AUDIO_VAD_HANGOVER = "audio.vad.hangover";
    public static final String AUDIO_VAD_THRESHOLD_DB = "audio.vad.threshold.db";
    public static final String AUDIO_VAD_LEVEL_DB = "audio.vad.level.db";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION = "topic.replication.factor";
    public static final String WINDOW_STEPS = "window.steps";
    public static final String WINDOW_STRIDE = "window.stride";
    public static final String WINDOW_MODE = "window.mode";
    public static final String WINDOW_INTERVAL = "window.interval";
    public static final String WINDOW_MAX_FILL = "window.max.fill";
    public static final String WINDOW_GRACE = "window.grace";
    public static final String SENSORS_VARIABLES = "sensors.variables";
    public static final String BATCH_MAX_SIZE = "batch.max.size";
    public static final String BATCH_MAX_WAIT = "batch.max.wait";
    public static final String MODEL_DIR = "model.dir";
    public static final String MODEL_WATCH_INTERVAL = "model.watch.interval";
    public static final String DEVICE = "device";
    public static final String ATTENTION_METHOD = "attention.method";
    public static final String ATTENTION_TOP_K = "attention.top.k";
    public static final String INPUT_MAX_BYTES = "input.max.bytes";
    public static final String INPUT_MAX_DEAD_LETTERS = "input.max.dead.letters";
    public static final String OUTPUT_MAX_BYTES = "output.max.bytes";
    public static final String WINDOW_MAX_HELD = "window.max.held";
    public static final String SERIES_IDLE_EXPIRY = "series.idle.expiry";
    public static final String AUDIO_IDLE_EXPIRY = "audio.idle.expiry";
    public static final String ROCKSDB_MEMORY_MAX = "rocksdb.memory.max";
    public static final String THREADS_MAX_FAILURES = "threads.max.failures";
    public static final String HEALTH_STUCK_AFTER = "health.stuck.after";
    public static final String MODEL_RETRIES = "model.retries";
    public static final String MODEL_RETRY_BACKOFF = "model.retry.backoff";
    public static final String TIMESTAMP_MAX_FUTURE = "timestamp.max.future";
    public static final String ANOMALY_THRESHOLD = "anomaly.threshold";
    public static final String ANOMALY_WARMUP = "anomaly.warmup";
    public static final String ANOMALY_WINDOW_SHORT = "anomaly.window.short";
    public static final String ANOMALY_WINDOW_LONG = "anomaly.window.long";
    public static final String ANOMALY_RANGE_TOLERANCE = "anomaly.range.tolerance";
    public static final String ANOMALY_RANGE_SCALE = "anomaly.range.scale";
    public static final String ANOMALY_STUCK = "anomaly.stuck";
    public static final String ANOMALY_FORECAST_PERIODIC = "anomaly.forecast.periodic";
    public static final String ANOMALY_HOLDOFF = "anomaly.holdoff";
    public static final String ANOMALY_NOVELTY_SPAN = "anomaly.novelty.span";
    public static final String ANOMALY_NOVELTY_POINTS = "anomaly.novelty.points";
    public static final String ANOMALY_NOVELTY_MEMORY = "anomaly.novelty.memory";
    public static final String ANOMALY_NOVELTY_SHAPE = "anomaly.novelty.shape";
    public static final String ANOMALY_NOVELTY_FINE = "anomaly.novelty.fine";
    public static final String ANOMALY_NOVELTY_EMBEDDING = "anomaly.novelty.embedding";
    public static final String ANOMALY_NOVELTY_CACHE = "anomaly.novelty.cache";
    public static final String ANOMALY_FORECAST_ALARMS = "anomaly.forecast.alarms";
    public static final String EMBEDDED_DIR = "embedded.dir";
    public static final String EMBEDDED_PORT = "embedded.port";
    public static final String HTTP_ENABLED = "http.enabled";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_AUTH_TOKEN = "http.auth.token";
    public static final String HTTP_AUTH_OPEN = "http.auth.open";
    public static final String HTTP_SERIES_MAX = "http.series.max";
    public static final String HTTP_TALK_ENABLED = "http.talk.enabled";
    public static final String HTTP_TALK_MAX_STREAMS = "http.talk.max.streams";

    /** Defaults of Heed's keys and of the Kafka keys Heed sets differently from Kafka. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(TOPIC_SENSORS, "heed.sensors");
        d.put(TOPIC_PREDICTIONS, "heed.predictions");
        d.put(TOPIC_DLQ, "heed.dlq");
        d.put(TOPIC_ANOMALIES, "heed.anomalies");
        d.put(TOPIC_TRANSCRIPTS, "heed.transcripts");
        d.put(TOPIC_AUDIO, "heed.audio");
        d.put(SPEECH_MODEL_DIR, "");
        d.put(SPEECH_MODEL_LATER_DIR, "");
        d.put(AUDIO_MAX_CHUNK_BYTES, "320000");
        d.put(AUDIO_PARTIAL_INTERVAL, "300ms");
        d.put(AUDIO_PREROLL, "400ms");
        d.put(AUDIO_MAX_UTTERANCE, "15s");
        d.put(AUDIO_VAD_HANGOVER, "100ms");
        d.put(AUDIO_VAD_THRESHOLD_DB, "6");
        d.put(AUDIO_VAD_LEVEL_DB, "0");
        d.put(TOPIC_PARTITIONS, "3");
        d.put(TOPIC_REPLICATION, "-1");
        d.put(WINDOW_STEPS, "");
        d.put(WINDOW_STRIDE, "8");
        d.put(WINDOW_MODE, "count");
        d.put(WINDOW_INTERVAL, "");
        d.put(WINDOW_MAX_FILL, "12");
        d.put(WINDOW_GRACE, "0s");
        d.put(SENSORS_VARIABLES, "");
        d.put(BATCH_MAX_SIZE, "256");
        d.put(BATCH_MAX_WAIT, "20ms");
        d.put(MODEL_DIR, "");
        d.put(MODEL_WATCH_INTERVAL, "10s");
        d.put(DEVICE, "cpu");
        d.put(ATTENTION_METHOD, "relevance");
        d.put(ATTENTION_TOP_K, "5");
        d.put(INPUT_MAX_BYTES, "65536");
        d.put(INPUT_MAX_DEAD_LETTERS, "100");
        d.put(OUTPUT_MAX_BYTES, "1000000");
        d.put(WINDOW_MAX_HELD, "1000");
        d.put(SERIES_IDLE_EXPIRY, "7d");
        d.put(AUDIO_IDLE_EXPIRY, "10s");
        d.put(ROCKSDB_MEMORY_MAX, "64MiB");
        d.put(THREADS_MAX_FAILURES, "3");
        d.put(HEALTH_STUCK_AFTER, "20s");
        d.put(MODEL_RETRIES, "2");
        d.put(MODEL_RETRY_BACKOFF, "100ms");
        d.put(TIMESTAMP_MAX_FUTURE, "1d");
        d.put(ANOMALY_THRESHOLD, "0.9999");
        d.put(ANOMALY_WARMUP, "300");
        d.put(ANOMALY_WINDOW_SHORT, "10");
        d.put(ANOMALY_WINDOW_LONG, "8000");
        d.put(ANOMALY_RANGE_TOLERANCE, "0.05");
        d.put(ANOMALY_RANGE_SCALE, "0.05");
        d.put(ANOMALY_STUCK, "1e-6");
        d.put(ANOMALY_FORECAST_PERIODIC, "3");
        d.put(ANOMALY_HOLDOFF, "span");
        d.put(ANOMALY_NOVELTY_SPAN, "1d");
        d.put(ANOMALY_NOVELTY_POINTS, "24");
        d.put(ANOMALY_NOVELTY_MEMORY, "256");
        d.put(ANOMALY_NOVELTY_SHAPE, "centred");
        d.put(ANOMALY_NOVELTY_FINE, "patch");
        d.put(ANOMALY_NOVELTY_EMBEDDING, "patch");
        d.put(ANOMALY_NOVELTY_CACHE, "2048");
        d.put(ANOMALY_FORECAST_ALARMS, "false");
        d.put(EMBEDDED_DIR, "heed-data/kafka");
        d.put(EMBEDDED_PORT, "9092");
        d.put(HTTP_ENABLED, "true");
        d.put(HTTP_HOST, "127.0.0.1");
        d.put(HTTP_PORT, "8080");
        d.put(HTTP_AUTH_TOKEN, "");
        d.put(HTTP_AUTH_OPEN, "false");
        d.put(HTTP_SERIES_MAX, "50");
        d.put(HTTP_TALK_ENABLED, "true");
        d.put(HTTP_TALK_MAX_STREAMS, "4");
        d.put("application.id", "heed");
        d.put("processing.guarantee", "exactly_once_v2");
        d.put("state.dir", "heed-data/streams");
        d.put("poll.ms", "10");
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    private HeedKeys() {}

    /** Whether {@code key} is Heed's own (not passed to Kafka). */
    public static boolean isHeedKey(String key) {
        return DEFAULTS.containsKey(key)
                        && !key.equals("application.id")
                        && !key.equals("processing.guarantee")
                        && !key.equals("state.dir")
                        && !key.equals("poll.ms")
                || key.startsWith("http.")
                || key.startsWith("demo.");
    }
}
