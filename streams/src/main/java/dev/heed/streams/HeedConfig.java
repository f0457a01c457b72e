package dev.heed.streams;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Heed's configuration: its own keys (see {@link HeedKeys}) plus every other key, which passes
 * through to the Kafka clients unchanged (SASL, SSL, ...).
 *
 * <p>Precedence, lowest first: defaults, the properties file, {@code HEED_*} environment variables
 * ({@code HEED_BOOTSTRAP_SERVERS} is {@code bootstrap.servers}), then explicit overrides. Validated
 * once, here: every getter returns a usable value or throws a {@link ConfigException} that names
 * the key and the value.
 */
public final class HeedConfig {
    private final Map<String, String> values;

    private HeedConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        validate();
    }

    /** Defaults only. */
    public static HeedConfig defaults() {
        return new HeedConfig(HeedKeys.DEFAULTS);
    }

    /** Defaults overlaid by {@code overrides}. */
    public static HeedConfig of(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(HeedKeys.DEFAULTS);
        all.putAll(overrides);
        return new HeedConfig(all);
    }

    /**
     * Loads defaults, then {@code file} (may be null), then {@code HEED_*} from {@code env}, then
     * {@code overrides}.
     */
    public static HeedConfig load(
            Path file, Map<String, String> env, Map<String, String> overrides) {
        return load(Map.of(), file, env, overrides);
    }

    /**
     * As {@link #load(Path, Map, Map)}, with a command's own defaults (such as the demo's) laid
     * over Heed's defaults and under everything the user set.
     */
    public static HeedConfig load(
            Map<String, String> commandDefaults,
            Path file,
            Map<String, String> env,
            Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(HeedKeys.DEFAULTS);
        all.putAll(commandDefaults);
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException(
                        "cannot read config file "
                                + file
                                + ": "
                                + e.getMessage()
                                + "; check the path");
            }
            p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k).trim()));
        }
        all.putAll(fromEnv(env));
        all.putAll(overrides);
        return new HeedConfig(all);
    }

    /**
     * {@code HEED_WINDOW_STEPS=64} becomes {@code window.steps=64}; other variables are ignored.
     */
    static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach(
                (k, v) -> {
                    if (k.startsWith("HEED_")
                            && k.length() > 5
                            && !k.equals("HEED_HOME")
                            && !k.equals("HEED_JAVA_OPTS")) {
                        out.put(k.substring(5).toLowerCase(Locale.ROOT).replace('_', '.'), v);
                    }
                });
        return out;
    }

    /** A copy with {@code key} set to {@code value}. */
    public HeedConfig with(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put(key, value);
        return new HeedConfig(all);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public String getString(String key) {
        return get(key).orElseThrow(() -> new ConfigException(key + " must be set"));
    }

    public int getInt(String key) {
        String v = getString(key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number: '" + v + "'");
        }
    }

    public boolean getBoolean(String key) {
        String v = getString(key).trim();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new ConfigException(key + " must be true or false: '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    public int getPositiveInt(String key) {
        int n = getInt(key);
        if (n <= 0) {
            throw new ConfigException(key + " must be > 0: " + n);
        }
        return n;
    }

    /**
     * A size in bytes, at least 1 MiB: {@code 67108864}, {@code 64MiB}, {@code 64MB}, {@code 1g}.
     */
    public long getBytes(String key) {
        String v = getString(key).trim();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?i)(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?")
                        .matcher(v);
        if (!m.matches()) {
            throw new ConfigException(
                    key + " must be a size such as 64MiB, 512KiB or 1GiB: '" + v + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        int shift =
                unit.startsWith("k")
                        ? 10
                        : unit.startsWith("m") ? 20 : unit.startsWith("g") ? 30 : 0;
        long n = Long.parseLong(m.group(1)) << shift;
        if (n < (1L << 20)) {
            throw new ConfigException(key + " must be at least 1MiB: '" + v + "'");
        }
        return n;
    }

    /** A number in {@code [min, max]}. */
    public double getDouble(String key, double min, double max) {
        String v = getString(key);
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number: '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new ConfigException(key + " must be between " + min + " and " + max + ": " + v);
        }
        return d;
    }

    /** Durations as {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601. */
    public Duration getDuration(String key) {
        return Durations.parse(key, getString(key));
    }

    public List<String> getList(String key) {
        return get(key).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
    }

    /** Whether a broker is configured; without one Heed starts its embedded broker. */
    public boolean hasBootstrapServers() {
        return get("bootstrap.servers").isPresent();
    }

    /** Every key that is not Heed's own, for the Kafka clients. */
    public Map<String, Object> kafkaProperties() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach(
                (k, v) -> {
                    if (!HeedKeys.isHeedKey(k) && !v.isBlank()) {
                        out.put(k, v);
                    }
                });
        return out;
    }

    /** All values, Heed's and Kafka's, sorted by key. */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * {@code output.max.bytes}: the largest record Heed writes, at least 16 KB and under the
     * producer's {@code max.request.size} (1 MiB unless set) less room for framing.
     */
    public int outputMaxBytes() {
        int out = getPositiveInt(HeedKeys.OUTPUT_MAX_BYTES);
        String requestKey =
                get("producer.max.request.size").isPresent()
                        ? "producer.max.request.size"
                        : "max.request.size";
        long request = get(requestKey).isPresent() ? getPositiveInt(requestKey) : 1_048_576;
        if (out < 16_384 || out > request - 1024) {
            throw new ConfigException(
                    HeedKeys.OUTPUT_MAX_BYTES
                            + "="
                            + out
                            + " must be between 16384 and the producer's "
                            + requestKey
                            + " ("
                            + request
                            + ") less 1024; raise "
                            + requestKey
                            + " and the topics' max.message.bytes together with it, or lower it");
        }
        return out;
    }

    private void validate() {
        getPositiveInt(HeedKeys.WINDOW_STRIDE);
        getPositiveInt(HeedKeys.BATCH_MAX_SIZE);
        getPositiveInt(HeedKeys.TOPIC_PARTITIONS);
        getPositiveInt(HeedKeys.ATTENTION_TOP_K);
        getPositiveInt(HeedKeys.INPUT_MAX_BYTES);
        outputMaxBytes();
        get(HeedKeys.WINDOW_STEPS).ifPresent(v -> getPositiveInt(HeedKeys.WINDOW_STEPS));
        getDuration(HeedKeys.BATCH_MAX_WAIT);
        getDuration(HeedKeys.MODEL_WATCH_INTERVAL);
        getDuration(HeedKeys.WINDOW_GRACE);
        getDuration(HeedKeys.TIMESTAMP_MAX_FUTURE);
        getDuration(HeedKeys.HEALTH_STUCK_AFTER);
        getBytes(HeedKeys.ROCKSDB_MEMORY_MAX);
        getDuration(HeedKeys.MODEL_RETRY_BACKOFF);
        getDuration(HeedKeys.ANOMALY_NOVELTY_SPAN);
        getPositiveInt(HeedKeys.ANOMALY_NOVELTY_POINTS);
        getPositiveInt(HeedKeys.ANOMALY_NOVELTY_MEMORY);
        getBoolean(HeedKeys.ANOMALY_FORECAST_ALARMS);
        getInt(HeedKeys.THREADS_MAX_FAILURES);
        getInt(HeedKeys.MODEL_RETRIES);
        String mode = getString(HeedKeys.WINDOW_MODE);
        if (!mode.equals("count") && !mode.equals("time")) {
            throw new ConfigException("window.mode must be count or time: '" + mode + "'");
        }
        if (mode.equals("time")) {
            if (get(HeedKeys.WINDOW_INTERVAL).isEmpty()) {
                throw new ConfigException("window.mode=time needs window.interval, such as 5m");
            }
            if (getDuration(HeedKeys.WINDOW_INTERVAL).toMillis() <= 0) {
                throw new ConfigException(
                        "window.interval must be > 0: " + getString(HeedKeys.WINDOW_INTERVAL));
            }
            getPositiveInt(HeedKeys.WINDOW_MAX_FILL);
        }
        String pg = getString("processing.guarantee");
        if (!pg.equals("exactly_once_v2") && !pg.equals("at_least_once")) {
            throw new ConfigException(
                    "processing.guarantee must be exactly_once_v2 or at_least_once: '" + pg + "'");
        }
    }
}
