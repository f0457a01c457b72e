package dev.heed.streams.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/local-broker.sh} starts a real broker process that {@code heed run
 * --bootstrap-servers} (the packaged jar, as its own process) uses; SIGTERM stops Heed cleanly.
 */
class LocalBrokerIT {
    private static final long T0 = 1_704_067_200_000L;

    @TempDir Path tmp;

    @Test
    void shouldServeHeedRunFromTheLocalBrokerScriptAndStopOnSigterm() throws Exception {
        try (LocalBroker broker = new LocalBroker(tmp.resolve("broker"))) {
            broker.start();
            String[] out = new String[1];
            assertThat(broker.run("status", out)).as(out[0]).isZero();
            assertThat(out[0]).contains("running", broker.bootstrapServers());

            Map<String, String> settings =
                    Map.of(
                            "application.id",
                            "local-broker-it",
                            "state.dir",
                            tmp.resolve("state").toString(),
                            "topic.partitions",
                            "2",
                            "topic.replication.factor",
                            "1");
            try (HeedProcess heed =
                    HeedProcess.start(
                            broker.bootstrapServers(), settings, "512m", tmp.resolve("heed.log"))) {
                int readings = 80;
                try (KafkaProducer<byte[], byte[]> p = Kafka.producer(broker.bootstrapServers())) {
                    for (int i = 0; i < readings; i++) {
                        double v = 50 + 10 * Math.sin(i / 5.0);
                        p.send(
                                new ProducerRecord<>(
                                        "heed.sensors",
                                        Fixtures.utf8("pump-7"),
                                        Fixtures.utf8(
                                                "{\"series\":\"pump-7\",\"ts\":"
                                                        + (T0 + i * 60_000L)
                                                        + ",\"value\":"
                                                        + v
                                                        + "}")));
                    }
                }
                Ledger ledger = new Ledger(List.of("pump-7"), readings, 64, 8, T0, 60_000L);
                List<ConsumerRecord<byte[], byte[]>> got =
                        Kafka.readUntil(
                                broker.bootstrapServers(),
                                "heed.predictions",
                                ledger::complete,
                                Duration.ofSeconds(120));
                ledger.add(got);
                assertThat(ledger.lost()).as("%s; heed log:%n%s", ledger, heed.logTail()).isZero();
                assertThat(ledger.duplicated() + ledger.unexpected())
                        .as(ledger.toString())
                        .isZero();

                int exit = heed.terminate(60);
                assertThat(exit)
                        .as("SIGTERM: heed run closes and exits 0: %s", heed.logTail())
                        .isZero();
            }
            broker.stop();
            assertThat(broker.run("status", out)).as(out[0]).isEqualTo(3);
        }
    }
}
