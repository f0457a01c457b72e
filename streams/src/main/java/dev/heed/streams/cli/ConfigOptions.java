package dev.heed.streams.cli;

import dev.heed.streams.HeedConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to Kafka: config file, overrides, bootstrap servers. */
public final class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file (Heed and Kafka keys).")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one key; repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    public HeedConfig load() {
        return load(Map.of());
    }

    /** Loads the config; {@code defaults} sit under the file, env and command-line values. */
    public HeedConfig load(Map<String, String> defaults) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        if (bootstrapServers != null) {
            o.put("bootstrap.servers", bootstrapServers);
        }
        return HeedConfig.load(defaults, file, System.getenv(), o);
    }
}
