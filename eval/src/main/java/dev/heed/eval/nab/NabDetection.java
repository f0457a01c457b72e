package dev.heed.eval.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.sensors.SensorTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs NAB series through the sensor topology that {@code heed run} runs, in a {@link
 * TopologyTestDriver}, and reads each row's anomaly likelihood off the prediction records: the same
 * windowing, model, batching and detector code, with no broker.
 *
 * <p>NAB's protocol, applied the same way to every file: one reading per row (timestamps as UTC), a
 * prediction for every row (window stride 1), and the file's NAB probationary period as the
 * detector's warm-up. Rows before the first full window score 0.
 */
public final class NabDetection {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one series gave.
     *
     * @param anomalyRecords the series' records on {@code topic.anomalies} (JSON, one line each):
     *     what raised each alarm
     */
    public record SeriesRun(
            String name,
            int rows,
            int predictions,
            Map<String, Long> deadLetters,
            int anomalies,
            List<String> anomalyRecords,
            double seconds) {}

    private NabDetection() {}

    /** The configuration one series runs with: {@code base} plus NAB's per-file protocol. */
    public static HeedConfig configFor(HeedConfig base, NabSeries s) {
        return base.with(HeedKeys.WINDOW_STRIDE, "1")
                .with(HeedKeys.WINDOW_MODE, "count")
                .with(
                        HeedKeys.ANOMALY_WARMUP,
                        Integer.toString((int) Math.ceil(RowWeights.probationaryLength(s.size()))))
                .with("bootstrap.servers", "nab-eval:9092");
    }

    /** Anomaly likelihood per row of every series, by series name. */
    public static Map<String, double[]> run(
            NabCorpus corpus,
            HeedConfig base,
            ModelSource models,
            Path stateDir,
            Consumer<SeriesRun> progress) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (NabSeries s : corpus.series()) {
            scores.put(s.name(), runSeries(s, configFor(base, s), models, stateDir, progress));
        }
        return scores;
    }

    static double[] runSeries(
            NabSeries s,
            HeedConfig config,
            ModelSource models,
            Path stateDir,
            Consumer<SeriesRun> progress) {
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.putAll(HeedApp.streamsProperties(config));
        props.put("state.dir", fresh(stateDir, s).toString());
        RouteCounters counters = new RouteCounters();
        double[] scores = new double[s.size()];
        int predictions = 0;
        List<String> alarms = new ArrayList<>();
        try (TopologyTestDriver driver =
                new TopologyTestDriver(SensorTopology.build(config, models, counters), props)) {
            TestInputTopic<byte[], byte[]> in =
                    driver.createInputTopic(
                            config.getString(HeedKeys.TOPIC_SENSORS),
                            new ByteArraySerializer(),
                            new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out =
                    driver.createOutputTopic(
                            config.getString(HeedKeys.TOPIC_PREDICTIONS),
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
            byte[] key = s.name().getBytes(StandardCharsets.UTF_8);
            Map<Long, Integer> rowOf = new HashMap<>(s.size() * 2);
            List<java.time.LocalDateTime> timestamps = s.timestamps();
            for (int row = 0; row < s.size(); row++) {
                long ts = timestamps.get(row).toInstant(ZoneOffset.UTC).toEpochMilli();
                rowOf.putIfAbsent(ts, row);
                in.pipeInput(key, reading(s.name(), ts, s.value(row)));
                if (row % 256 == 255) {
                    predictions += read(out, rowOf, scores);
                }
            }
            driver.advanceWallClockTime(Duration.ofMinutes(1));
            predictions += read(out, rowOf, scores);
            TestOutputTopic<byte[], byte[]> anomalies =
                    driver.createOutputTopic(
                            config.getString(HeedKeys.TOPIC_ANOMALIES),
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
            for (byte[] value : anomalies.readValuesToList()) {
                alarms.add(new String(value, StandardCharsets.UTF_8));
            }
        }
        progress.accept(
                new SeriesRun(
                        s.name(),
                        s.size(),
                        predictions,
                        counters.deadLettersByReason(),
                        (int) counters.anomalies(),
                        alarms,
                        (System.nanoTime() - t0) / 1e9));
        return scores;
    }

    private static int read(
            TestOutputTopic<byte[], byte[]> out, Map<Long, Integer> rowOf, double[] scores) {
        int n = 0;
        for (byte[] value : out.readValuesToList()) {
            try {
                JsonNode p = JSON.readTree(value);
                Integer row = rowOf.get(p.path("window").path("end_ms").asLong());
                if (row != null) {
                    // a held-off alarm is no detection: one alarm per event, as Heed raises it
                    scores[row] =
                            p.path("alarm_held_off").asBoolean()
                                    ? 0
                                    : p.path("anomaly_likelihood").asDouble();
                }
                n++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    private static byte[] reading(String series, long ts, double value) {
        return String.format(
                        Locale.ROOT,
                        "{\"series\":\"%s\",\"ts\":%d,\"value\":%s}",
                        series.replace("\\", "\\\\").replace("\"", "\\\""),
                        ts,
                        Double.toString(value))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Path fresh(Path stateDir, NabSeries s) {
        try {
            return Files.createTempDirectory(Files.createDirectories(stateDir), "nab-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state folder under " + stateDir, e);
        }
    }
}
