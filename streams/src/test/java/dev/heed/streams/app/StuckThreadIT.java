package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread stuck in a model call (here: blocked until the test lets it go) turns {@code
 * /health/live} DOWN within 30 s with the default {@code health.stuck.after}, and UP again when it
 * moves on; its window is then predicted.
 */
class StuckThreadIT {
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
    void shouldTurnLivenessDownWhileAThreadIsStuckAndUpWhenItMovesOn() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ForecastModel real = Fixtures.model();
        ForecastModel blocking =
                new ForecastModel() {
                    @Override
                    public ModelDescriptor descriptor() {
                        return real.descriptor();
                    }

                    @Override
                    public Forecaster newForecaster() {
                        Forecaster f = real.newForecaster();
                        return new Forecaster() {
                            @Override
                            public List<Forecast> forecast(
                                    List<float[][]> windows, AttentionMethod method) {
                                entered.countDown();
                                try {
                                    release.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return f.forecast(windows, method);
                            }

                            @Override
                            public void close() {
                                f.close();
                            }
                        };
                    }

                    @Override
                    public void close() {}
                };
        String app = "heed-stuck-" + UUID.randomUUID();
        Map<String, String> c = new HashMap<>();
        c.put("bootstrap.servers", kafka.bootstrapServers());
        c.put("application.id", app);
        c.put("state.dir", tmp.resolve("state").toString());
        c.put("topic.sensors", app + ".sensors");
        c.put("topic.predictions", app + ".predictions");
        c.put("topic.dlq", app + ".dlq");
        c.put("topic.partitions", "1");
        c.put("topic.replication.factor", "1");
        RouteCounters counters = new RouteCounters();
        try (HeedApp heed = HeedApp.start(HeedConfig.of(c), ModelSource.of(blocking), counters)) {
            assertThat(heed.awaitRunning(Duration.ofSeconds(60))).isTrue();
            assertThat(heed.liveness().live()).isTrue();
            int steps = real.descriptor().window();
            try (KafkaProducer<byte[], byte[]> p =
                    new KafkaProducer<>(
                            Map.of("bootstrap.servers", kafka.bootstrapServers()),
                            new ByteArraySerializer(),
                            new ByteArraySerializer())) {
                for (int i = 0; i < steps; i++) {
                    p.send(
                            new ProducerRecord<>(
                                    app + ".sensors",
                                    Fixtures.utf8("s"),
                                    Fixtures.reading(
                                            "s", Fixtures.T0 + i * 60_000L, Fixtures.wave(i))));
                }
            }
            assertThat(entered.await(60, TimeUnit.SECONDS)).as("the model was called").isTrue();
            long stuckAt = System.nanoTime();
            Liveness l = heed.liveness();
            while (l.live() && System.nanoTime() - stuckAt < Duration.ofSeconds(40).toNanos()) {
                Thread.sleep(250);
                l = heed.liveness();
            }
            double seconds = (System.nanoTime() - stuckAt) / 1e9;
            assertThat(l.live()).as("DOWN while stuck").isFalse();
            assertThat(seconds).as("seconds to DOWN").isLessThan(30);
            assertThat(l.detail()).contains("StreamThread").contains("has not polled");
            release.countDown();
            long movedAt = System.nanoTime();
            while (!heed.liveness().live()
                    && System.nanoTime() - movedAt < Duration.ofSeconds(20).toNanos()) {
                Thread.sleep(100);
            }
            assertThat(heed.liveness().live()).as("UP again").isTrue();
            while (counters.predictions() < 1
                    && System.nanoTime() - movedAt < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(100);
            }
            assertThat(counters.predictions()).isEqualTo(1);
            assertThat(counters.threadFailures()).isZero();
        } finally {
            release.countDown();
        }
    }
}
