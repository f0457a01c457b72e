package dev.heed.streams.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.kafka.EmbeddedKafka;
import dev.heed.streams.kafka.Topics;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's feed used to stop for good on the first metadata timeout ("dashboard feed
 * stopped") while processing recovered; now it says it is retrying, waits, and reads again once the
 * broker is back.
 */
class OutputFeedIT {
    @TempDir Path tmp;

    @Test
    void shouldSayItIsRetryingWhileTheBrokerIsAwayAndReadAgainWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + port;
        HeedConfig config = HeedConfig.of(Map.of("bootstrap.servers", bootstrap));
        List<String> states = new CopyOnWriteArrayList<>();
        List<String> details = new CopyOnWriteArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> got = new CopyOnWriteArrayList<>();
        OutputFeed.RecordSink sink =
                new OutputFeed.RecordSink() {
                    @Override
                    public void accept(ConsumerRecord<byte[], byte[]> r) {
                        got.add(r);
                    }

                    @Override
                    public void status(String state, String detail) {
                        states.add(state);
                        details.add(detail);
                    }
                };
        try (OutputFeed feed = new OutputFeed(config, sink)) {
            feed.start();
            await(() -> states.contains("retrying"), Duration.ofSeconds(30));
            assertThat(details.get(0)).contains("Timeout").contains("trying again in 1 s");
            try (EmbeddedKafka broker = EmbeddedKafka.start(tmp.resolve("kafka"), port)) {
                Topics.ensure(
                        Map.of("bootstrap.servers", bootstrap),
                        List.of("heed.predictions", "heed.anomalies", "heed.transcripts"),
                        1,
                        (short) 1);
                try (KafkaProducer<byte[], byte[]> p =
                        new KafkaProducer<>(
                                Map.of("bootstrap.servers", bootstrap),
                                new ByteArraySerializer(),
                                new ByteArraySerializer())) {
                    p.send(
                                    new ProducerRecord<>(
                                            "heed.predictions",
                                            "{\"series\":\"s\"}".getBytes(StandardCharsets.UTF_8)))
                            .get();
                }
                await(() -> !got.isEmpty(), Duration.ofSeconds(90));
            }
            assertThat(states).contains("reading");
            assertThat(states.get(states.size() - 1)).isEqualTo("reading");
            assertThat(got.get(0).topic()).isEqualTo("heed.predictions");
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
