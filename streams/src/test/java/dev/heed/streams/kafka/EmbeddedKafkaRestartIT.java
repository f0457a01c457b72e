package dev.heed.streams.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed run} stopped and started again finds its broker's storage as it left it: the second
 * start reuses the formatted folder (its cluster id) and the topics made before.
 */
class EmbeddedKafkaRestartIT {
    @TempDir Path dir;

    private static Admin admin(EmbeddedKafka k) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers()));
    }

    @Test
    void shouldStartAgainOnTheStorageItFormatted() throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.start(dir, 0);
                Admin a = admin(first)) {
            a.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
        }
        try (EmbeddedKafka second = EmbeddedKafka.start(dir, 0);
                Admin a = admin(second)) {
            assertThat(a.listTopics().names().get()).contains("kept");
        }
    }
}
