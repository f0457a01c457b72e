package dev.heed.streams.kafka;

import dev.heed.streams.HeedStreamsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics Heed needs when they are missing; existing topics are left as they are. */
public final class Topics {
    private Topics() {}

    /**
     * Creates each of {@code names} that does not exist yet.
     *
     * @param replication replication factor, or -1 for the broker's default
     */
    public static void ensure(
            Map<String, Object> clientProps,
            Collection<String> names,
            int partitions,
            short replication) {
        try (Admin admin = Admin.create(clientProps)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String n : names) {
                if (!existing.contains(n)) {
                    missing.add(new NewTopic(n, Optional.of(partitions), Optional.of(replication)));
                }
            }
            if (!missing.isEmpty()) {
                for (Map.Entry<String, KafkaFuture<Void>> f :
                        admin.createTopics(missing).values().entrySet()) {
                    try {
                        f.getValue().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        // another instance starting at the same time created it first
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new HeedStreamsException(
                    "cannot create topics "
                            + names
                            + " at "
                            + clientProps.get("bootstrap.servers")
                            + ": "
                            + e.getMessage()
                            + "; check that the broker is reachable and that Heed may create "
                            + "topics, or create them yourself",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HeedStreamsException("interrupted while creating topics", e);
        }
    }
}
