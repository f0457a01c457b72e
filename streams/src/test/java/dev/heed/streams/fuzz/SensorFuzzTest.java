package dev.heed.streams.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.sensors.SensorTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * 100,000 hostile sensor records (1,000 tries of 100, property-based) through the real sensor
 * topology in one {@link TopologyTestDriver}, with good readings of eight series interleaved: every
 * hostile record lands in the dead-letter topic (whole, or element by element for a block) with one
 * of the reasons its generator expects, nothing throws, every good window is predicted, and the
 * state holds the good series only.
 */
class SensorFuzzTest {
    static final int TRIES = 1_000;
    static final int PER_TRY = 100;
    private static final int GOOD_PER_TRY = 8;
    private static final List<String> GOOD =
            IntStream.range(0, GOOD_PER_TRY).mapToObj(i -> "good-" + i).toList();

    private static Path stateDir;
    private static TopologyTestDriver driver;
    private static TestInputTopic<byte[], byte[]> in;
    private static TestOutputTopic<byte[], byte[]> predictions;
    private static TestOutputTopic<byte[], byte[]> dlq;
    private static RouteCounters counters;
    private static int steps;
    private static int stride;
    private static int goodReadings;
    private static long predicted;
    private static long offset;
    private static long deadLetters;
    private static long expectedDeadLetters;
    private static SensorDeadLetters oracle;
    private static final Map<String, Integer> KINDS = new TreeMap<>();

    @BeforeContainer
    static void start() throws IOException {
        HeedConfig config = HeedConfig.of(Map.of());
        stateDir = Files.createTempDirectory("heed-fuzz-");
        Properties props = new Properties();
        props.putAll(config.kafkaProperties());
        props.put("bootstrap.servers", "unused:9092");
        props.put("state.dir", stateDir.toString());
        counters = new RouteCounters();
        driver =
                new TopologyTestDriver(
                        SensorTopology.build(config, ModelSource.of(Fixtures.model()), counters),
                        props);
        in =
                driver.createInputTopic(
                        "heed.sensors", new ByteArraySerializer(), new ByteArraySerializer());
        predictions =
                driver.createOutputTopic(
                        "heed.predictions",
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        dlq =
                driver.createOutputTopic(
                        "heed.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
        steps = Fixtures.model().descriptor().window();
        stride = config.getPositiveInt(HeedKeys.WINDOW_STRIDE);
        oracle = new SensorDeadLetters(config.getPositiveInt(HeedKeys.INPUT_MAX_BYTES));
        GOOD.forEach(SensorFuzzTest::pipeGood);
    }

    @Provide
    Arbitrary<List<Hostile>> batches() {
        return new HostileSensorRecords(
                        HeedConfig.of(Map.of()).getPositiveInt(HeedKeys.INPUT_MAX_BYTES), GOOD)
                .records()
                .list()
                .ofSize(PER_TRY);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void shouldDeadLetterEveryHostileRecordAndPredictEveryGoodWindow(
            @ForAll("batches") List<Hostile> batch) throws IOException {
        long windowsBefore = expectedWindows();
        long[] offsets = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Hostile h = batch.get(i);
            offsets[i] = offset++;
            expectedDeadLetters += oracle.count(h.value());
            in.pipeInput(new TestRecord<>(h.key(), h.value(), new RecordHeaders(h.headers())));
            KINDS.merge(h.kind(), 1, Integer::sum);
            if (i % (PER_TRY / GOOD_PER_TRY) == 0 && i / (PER_TRY / GOOD_PER_TRY) < GOOD_PER_TRY) {
                pipeGood(GOOD.get(i / (PER_TRY / GOOD_PER_TRY)));
            }
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        deadLetters += dead.size();
        Map<Long, List<TestRecord<byte[], byte[]>>> bySource =
                dead.stream()
                        .collect(
                                Collectors.groupingBy(
                                        d ->
                                                Long.parseLong(
                                                        Fixtures.header(
                                                                d, "heed.dlq.source.offset")),
                                        TreeMap::new,
                                        Collectors.toList()));
        assertThat(bySource.keySet())
                .as("records with dead letters: the hostile ones only")
                .isSubsetOf(Arrays.stream(offsets).boxed().toList());
        for (int i = 0; i < batch.size(); i++) {
            oracle.check(batch.get(i), bySource.getOrDefault(offsets[i], List.of()));
        }
        long expected = expectedWindows() - windowsBefore;
        assertThat(predictions.readRecordsToList())
                .as("predictions of the good series' new windows")
                .hasSize((int) expected);
        predicted += expected;
        assertThat(entries("heed-series"))
                .as("state of the good series only")
                .isEqualTo(GOOD.size());
        assertThat(entries("heed-pending")).as("no window left waiting").isZero();
    }

    @AfterContainer
    static void report() throws IOException {
        long hostile = KINDS.values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf(
                "sensor fuzz: %d hostile records, %d dead letters %s; %d good readings, "
                        + "%d predictions; %d records in; by kind %s%n",
                hostile,
                deadLetters,
                counters.deadLettersByReason(),
                goodReadings,
                counters.predictions(),
                counters.recordsIn(),
                KINDS);
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(hostile).isEqualTo((long) TRIES * PER_TRY);
        assertThat(deadLetters)
                .as("dead letters read: one per record, one per element of a block")
                .isEqualTo(expectedDeadLetters)
                .isGreaterThanOrEqualTo(hostile);
        assertThat(counters.deadLetters()).as("dead letters counted").isEqualTo(deadLetters);
        assertThat(counters.predictions()).isEqualTo(predicted).isPositive();
    }

    private static void pipeGood(String series) {
        int n = goodReadings / GOOD_PER_TRY;
        offset++;
        in.pipeInput(
                series.getBytes(StandardCharsets.UTF_8),
                Fixtures.utf8(
                        HostileSensorRecords.reading(
                                series,
                                "" + (HostileSensorRecords.T0 + n * 60_000L),
                                "" + Fixtures.wave(n))));
        goodReadings++;
    }

    /** Windows the good readings so far complete: one at {@code steps}, then one per stride. */
    private static long expectedWindows() {
        long total = 0;
        for (int s = 0; s < GOOD_PER_TRY; s++) {
            int n = goodReadings / GOOD_PER_TRY + (s < goodReadings % GOOD_PER_TRY ? 1 : 0);
            total += n < steps ? 0 : (n - steps) / stride + 1;
        }
        return total;
    }

    private static long entries(String store) {
        KeyValueStore<String, byte[]> kv = driver.getKeyValueStore(store);
        long n = 0;
        try (KeyValueIterator<String, byte[]> it = kv.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> ignored = it.next();
                n++;
            }
        }
        return n;
    }
}
