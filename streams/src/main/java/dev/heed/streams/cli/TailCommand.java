package dev.heed.streams.cli;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.app.HeedApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heed tail TOPIC}: print a topic's records, one per line. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = "Print a topic's records (key, value, and heed.* headers) as they arrive.")
final class TailCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the earliest offset.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    long max = Long.MAX_VALUE;

    @Option(
            names = "--idle",
            paramLabel = "DURATION",
            description = "Stop after this long with no record (default: never).")
    String idle;

    @Override
    public Integer call() {
        HeedConfig config = options.load();
        if (!config.hasBootstrapServers()) {
            config =
                    config.with(
                            "bootstrap.servers",
                            "127.0.0.1:" + config.getString(HeedKeys.EMBEDDED_PORT));
        }
        Map<String, Object> props = HeedApp.consumerProperties(config);
        props.put("group.id", "heed-tail-" + UUID.randomUUID());
        props.put("auto.offset.reset", fromBeginning ? "earliest" : "latest");
        props.putIfAbsent("isolation.level", "read_committed");
        long idleMs =
                idle == null
                        ? Long.MAX_VALUE
                        : dev.heed.streams.Durations.parse("--idle", idle).toMillis();
        long seen = 0;
        long lastRecord = System.currentTimeMillis();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (seen < max && System.currentTimeMillis() - lastRecord < idleMs) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    System.out.println(format(r));
                    lastRecord = System.currentTimeMillis();
                    if (++seen >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    static String format(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8));
        sb.append('\t')
                .append(r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8));
        for (Header h : r.headers()) {
            if (h.key().startsWith("heed.")) {
                sb.append('\t')
                        .append(h.key())
                        .append('=')
                        .append(new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
