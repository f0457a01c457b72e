package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.TestKafka;
import dev.heed.streams.cli.HeedCli;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole sensor path against a real broker: CSV in via {@code heed send}, predictions out. */
class SensorPipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SERIES = {"machine_temperature", "nyc_taxi", "ec2_cpu_825cc2"};
    private static final int ROWS = 200;
    private static TestKafka kafka;

    @TempDir Path tmp;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = TestKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void shouldTurnReadingsIntoOnePredictionPerWindowAndBadRecordsIntoDeadLetters()
            throws Exception {
        String app = "heed-it-" + UUID.randomUUID();
        HeedConfig config = HeedConfig.of(appConfig(app, 2));
        int steps = Fixtures.model().descriptor().window();
        int stride = config.getPositiveInt("window.stride");
        RouteCounters counters = new RouteCounters();
        long startedMs = System.currentTimeMillis();
        try (HeedApp heed = HeedApp.start(config, ModelSource.of(Fixtures.model()), counters)) {
            for (String s : SERIES) {
                Path csv = tmp.resolve(s + ".csv");
                Files.write(csv, head("/demo/" + s + ".csv", ROWS + 1));
                assertThat(
                                HeedCli.execute(
                                        "send",
                                        "sensors",
                                        csv.toString(),
                                        "--bootstrap-servers",
                                        kafka.bootstrapServers(),
                                        "--set",
                                        "topic.sensors=" + app + ".sensors"))
                        .isZero();
            }
            List<byte[]> bad =
                    List.of(
                            Fixtures.utf8("{\"series\":\"nyc_taxi\",\"ts\":\"soon\",\"value\":1}"),
                            Fixtures.utf8(
                                    "{\"series\":\"nyc_taxi\",\"ts\":1414000000000,\"value\":NaN}"),
                            Fixtures.utf8("{\"series\": \"ec2_cpu_825cc2\", \"val"));
            produce(app + ".sensors", bad);

            int expected = SERIES.length * ((ROWS - steps) / stride + 1);
            Map<String, List<ConsumerRecord<byte[], byte[]>>> got =
                    consume(
                            List.of(app + ".predictions", app + ".dlq"),
                            expected + bad.size(),
                            Duration.ofSeconds(120));
            List<ConsumerRecord<byte[], byte[]>> predictions = got.get(app + ".predictions");
            List<ConsumerRecord<byte[], byte[]>> dead = got.get(app + ".dlq");

            assertThat(predictions).as("predictions on %s", kafka.kind()).hasSize(expected);
            Set<String> windows = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : predictions) {
                JsonNode p = JSON.readTree(r.value());
                assertThat(
                                windows.add(
                                        p.path("series").asText()
                                                + "@"
                                                + p.path("window").path("end_ms").asLong()))
                        .as("no duplicate window")
                        .isTrue();
                assertThat(new String(r.key(), StandardCharsets.UTF_8))
                        .isEqualTo(p.path("series").asText());
                assertThat(r.timestamp())
                        .as("stamped when made, not with the 2014 window end")
                        .isBetween(startedMs, System.currentTimeMillis());
                double sum = 0;
                for (JsonNode w : p.path("attention").path("weights")) {
                    sum += w.asDouble();
                }
                assertThat(sum).isCloseTo(1.0, within(1e-4));
                assertThat(p.path("top_steps").size()).isEqualTo(5);
            }
            assertThat(dead)
                    .extracting(
                            r ->
                                    new String(
                                            r.headers().lastHeader("heed.dlq.reason").value(),
                                            StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("bad_timestamp", "non_finite", "malformed_json");
            assertThat(counters.recordsIn()).isEqualTo(SERIES.length * ROWS + bad.size());
        }
    }

    @Test
    void shouldRunAWindowThatWasPendingWhenTheApplicationStopped() throws Exception {
        String app = "heed-it-" + UUID.randomUUID();
        Map<String, String> base = appConfig(app, 1);
        base.put("batch.max.size", "1000");
        base.put("batch.max.wait", "1h");
        int steps = Fixtures.model().descriptor().window();
        RouteCounters first = new RouteCounters();
        try (HeedApp heed =
                HeedApp.start(HeedConfig.of(base), ModelSource.of(Fixtures.model()), first)) {
            List<byte[]> readings = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                readings.add(Fixtures.reading("p", Fixtures.T0 + i * 60_000L, Fixtures.wave(i)));
            }
            produce(app + ".sensors", readings);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (first.windows() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(first.windows()).isEqualTo(1);
            assertThat(first.predictions()).isZero();
        }
        base.put("batch.max.wait", "1ms");
        RouteCounters second = new RouteCounters();
        try (HeedApp heed =
                HeedApp.start(HeedConfig.of(base), ModelSource.of(Fixtures.model()), second)) {
            List<ConsumerRecord<byte[], byte[]>> p =
                    consume(List.of(app + ".predictions"), 1, Duration.ofSeconds(60))
                            .get(app + ".predictions");
            assertThat(p).hasSize(1);
            assertThat(JSON.readTree(p.get(0).value()).path("window").path("end_ms").asLong())
                    .isEqualTo(Fixtures.T0 + (steps - 1) * 60_000L);
            assertThat(second.recordsIn()).as("no input re-read after the restart").isZero();
        }
    }

    /**
     * A record just under the broker's limit and a reading whose predictions would be over it used
     * to make records the producer refused: the thread failed on them again and again, and every
     * series behind them stalled. Now both are dead letters that fit, and the readings behind them
     * on the same partition are predicted.
     */
    @Test
    void shouldGoPastRecordsWhoseOutputsCouldNotFitOnTheBroker() throws Exception {
        String app = "heed-it-" + UUID.randomUUID();
        int steps = Fixtures.model().descriptor().window();
        RouteCounters counters = new RouteCounters();
        try (HeedApp heed =
                HeedApp.start(
                        HeedConfig.of(appConfig(app, 1)),
                        ModelSource.of(Fixtures.model()),
                        counters)) {
            StringBuilder wide = new StringBuilder("{\"ts\":" + Fixtures.T0 + ",\"values\":{");
            for (int v = 0; v < 1900; v++) {
                wide.append(v == 0 ? "" : ",").append("\"sensor_").append(v).append("\":1.5");
            }
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            String topic = app + ".sensors";
            records.add(
                    new ProducerRecord<>(
                            topic, Fixtures.utf8("huge"), new byte[1_040_000 - 4 * 64]));
            records.add(
                    new ProducerRecord<>(topic, Fixtures.utf8("wide"), Fixtures.utf8(wide + "}}")));
            for (int i = 0; i < steps; i++) {
                records.add(
                        new ProducerRecord<>(
                                topic,
                                Fixtures.utf8("p"),
                                Fixtures.reading(
                                        "p", Fixtures.T0 + i * 60_000L, Fixtures.wave(i))));
            }
            Map<String, Object> props =
                    Map.of(
                            "bootstrap.servers",
                            kafka.bootstrapServers(),
                            "max.request.size",
                            "2000000");
            try (KafkaProducer<byte[], byte[]> p =
                    new KafkaProducer<>(
                            props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (ProducerRecord<byte[], byte[]> r : records) {
                    p.send(r).get();
                }
            }
            Map<String, List<ConsumerRecord<byte[], byte[]>>> got =
                    consume(
                            List.of(app + ".predictions", app + ".dlq"),
                            3,
                            Duration.ofSeconds(120));
            assertThat(got.get(app + ".predictions")).as("the series behind them").hasSize(1);
            List<ConsumerRecord<byte[], byte[]>> dead = got.get(app + ".dlq");
            assertThat(dead)
                    .extracting(
                            r ->
                                    new String(
                                            r.headers().lastHeader("heed.dlq.reason").value(),
                                            StandardCharsets.UTF_8))
                    .containsExactly("oversize", "too_many_variables");
            assertThat(dead.get(0).value().length).isLessThan(1_000_000);
            assertThat(
                            new String(
                                    dead.get(0)
                                            .headers()
                                            .lastHeader("heed.dlq.value.truncated")
                                            .value(),
                                    StandardCharsets.UTF_8))
                    .isEqualTo(Integer.toString(1_040_000 - 4 * 64));
            assertThat(counters.deadLetters()).isEqualTo(2);
        }
    }

    /** One application's config on the test broker: its own id, state dir and topics. */
    private Map<String, String> appConfig(String app, int partitions) {
        Map<String, String> c = new HashMap<>();
        c.put("bootstrap.servers", kafka.bootstrapServers());
        c.put("application.id", app);
        c.put("state.dir", tmp.resolve("state").toString());
        c.put("topic.sensors", app + ".sensors");
        c.put("topic.predictions", app + ".predictions");
        c.put("topic.dlq", app + ".dlq");
        c.put("topic.partitions", Integer.toString(partitions));
        c.put("topic.replication.factor", "1");
        return c;
    }

    private static List<String> head(String resource, int lines) throws Exception {
        try (InputStream in = SensorPipelineIT.class.getResourceAsStream(resource)) {
            List<String> all =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return all.subList(0, lines);
        }
    }

    private static void produce(String topic, List<byte[]> values) {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> p =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                p.send(new ProducerRecord<>(topic, v));
            }
        }
    }

    static Map<String, List<ConsumerRecord<byte[], byte[]>>> consume(
            List<String> topics, int total, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        Map<String, List<ConsumerRecord<byte[], byte[]>>> out = new HashMap<>();
        topics.forEach(t -> out.put(t, new ArrayList<>()));
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(topics);
            while (seen < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.get(r.topic()).add(r);
                    seen++;
                }
            }
            // one more short poll: anything beyond the expected count would be a duplicate
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofSeconds(2))) {
                out.get(r.topic()).add(r);
            }
        }
        return out;
    }
}
