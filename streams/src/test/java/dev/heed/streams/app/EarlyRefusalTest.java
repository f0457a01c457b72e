package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting is refused before the embedded broker is started or its storage formatted. */
class EarlyRefusalTest {

    @TempDir Path tmp;

    @Test
    void shouldRefuseABadAnomalySettingBeforeStartingTheEmbeddedBroker() {
        Path kafka = tmp.resolve("kafka");
        HeedConfig config =
                HeedConfig.of(
                        Map.of(
                                "embedded.dir",
                                kafka.toString(),
                                "embedded.port",
                                "0",
                                "state.dir",
                                tmp.resolve("state").toString(),
                                "anomaly.threshold",
                                "2"));
        assertThatThrownBy(
                        () ->
                                HeedApp.start(
                                        config,
                                        ModelSource.of(Fixtures.model()),
                                        new RouteCounters()))
                .hasMessageContaining("anomaly.threshold must be between 0.0 and 1.0: 2");
        assertThat(Files.exists(kafka)).as("no embedded broker storage made").isFalse();
    }
}
