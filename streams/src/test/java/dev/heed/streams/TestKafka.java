package dev.heed.streams;

import dev.heed.streams.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for integration tests: a Testcontainers Kafka where Docker is available, the
 * embedded KRaft broker otherwise. Never a mock, and never a skip for lack of Docker.
 */
public interface TestKafka extends AutoCloseable {
    String bootstrapServers();

    /** {@code testcontainers} or {@code embedded}. */
    String kind();

    @Override
    void close();

    static TestKafka start() throws Exception {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            KafkaContainer c =
                    new KafkaContainer(
                            System.getProperty("heed.it.kafka.image", "apache/kafka:4.1.0"));
            c.start();
            return new TestKafka() {
                @Override
                public String bootstrapServers() {
                    return c.getBootstrapServers();
                }

                @Override
                public String kind() {
                    return "testcontainers";
                }

                @Override
                public void close() {
                    c.stop();
                }
            };
        }
        Path dir = Files.createTempDirectory("heed-it-kafka-");
        EmbeddedKafka k = EmbeddedKafka.start(dir, 0);
        return new TestKafka() {
            @Override
            public String bootstrapServers() {
                return k.bootstrapServers();
            }

            @Override
            public String kind() {
                return "embedded";
            }

            @Override
            public void close() {
                k.close();
            }
        };
    }
}
