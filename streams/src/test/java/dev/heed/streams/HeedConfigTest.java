package dev.heed.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.sensors.SensorTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeedConfigTest {

    @Test
    void shouldLayerDefaultsFileEnvAndOverridesInThatOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("heed.properties");
        Files.writeString(file, "window.stride=4\nbatch.max.size=16\nsasl.mechanism=PLAIN\n");
        HeedConfig c =
                HeedConfig.load(
                        Map.of("window.stride", "2", "attention.top.k", "9"),
                        file,
                        Map.of(
                                "HEED_BATCH_MAX_SIZE",
                                "32",
                                "HEED_SECURITY_PROTOCOL",
                                "SASL_SSL",
                                "PATH",
                                "/bin"),
                        Map.of("batch.max.size", "128"));
        assertThat(c.getInt("window.stride")).isEqualTo(4);
        assertThat(c.getInt("attention.top.k")).isEqualTo(9);
        assertThat(c.getInt("batch.max.size")).isEqualTo(128);
        assertThat(c.getString("topic.sensors")).isEqualTo("heed.sensors");
        assertThat(c.kafkaProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("application.id", "heed")
                .doesNotContainKeys("window.stride", "batch.max.size", "topic.sensors", "path");
    }

    @Test
    void shouldStartTheEmbeddedBrokerOnlyWithoutBootstrapServers() {
        assertThat(HeedConfig.defaults().hasBootstrapServers()).isFalse();
        assertThat(HeedConfig.of(Map.of("bootstrap.servers", "k:9092")).hasBootstrapServers())
                .isTrue();
    }

    @Test
    void shouldParseDurationsInEveryAcceptedForm() {
        assertThat(Durations.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("k", "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("k", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("k", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("k", "PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    }

    @Test
    void shouldNameTheKeyAndTheValueOfEveryBadSetting() {
        assertThatThrownBy(() -> HeedConfig.of(Map.of("window.stride", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("window.stride must be > 0: 0");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("batch.max.size", "many")))
                .hasMessage("batch.max.size must be a whole number: 'many'");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("batch.max.wait", "soon")))
                .hasMessageContaining("batch.max.wait must be a duration")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("window.mode", "sliding")))
                .hasMessage("window.mode must be count or time: 'sliding'");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("window.mode", "time")))
                .hasMessageContaining("window.interval");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("processing.guarantee", "exactly_once")))
                .hasMessageContaining("'exactly_once'");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("output.max.bytes", "2000000")))
                .hasMessageContaining("output.max.bytes=2000000")
                .hasMessageContaining("max.request.size (1048576)");
        assertThat(
                        HeedConfig.of(
                                        Map.of(
                                                "output.max.bytes", "2000000",
                                                "producer.max.request.size", "4000000"))
                                .outputMaxBytes())
                .isEqualTo(2_000_000);
        assertThatThrownBy(() -> HeedConfig.of(Map.of("output.max.bytes", "100")))
                .hasMessageContaining("between 16384");
        assertThat(
                        HeedConfig.of(Map.of("rocksdb.memory.max", "64MiB"))
                                .getBytes("rocksdb.memory.max"))
                .isEqualTo(64L << 20);
        assertThat(HeedConfig.of(Map.of("rocksdb.memory.max", "1g")).getBytes("rocksdb.memory.max"))
                .isEqualTo(1L << 30);
        assertThatThrownBy(() -> HeedConfig.of(Map.of("rocksdb.memory.max", "lots")))
                .hasMessage(
                        "rocksdb.memory.max must be a size such as 64MiB, 512KiB or 1GiB: 'lots'");
        assertThatThrownBy(() -> HeedConfig.of(Map.of("rocksdb.memory.max", "12")))
                .hasMessageContaining("at least 1MiB");
    }

    @Test
    void shouldRefuseAWindowThatDoesNotMatchTheModel() {
        int steps = Fixtures.model().descriptor().window();
        HeedConfig c = HeedConfig.of(Map.of("window.steps", Integer.toString(steps + 1)));
        assertThatThrownBy(
                        () ->
                                SensorTopology.build(
                                        c, ModelSource.of(Fixtures.model()), new RouteCounters()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("window.steps=" + (steps + 1))
                .hasMessageContaining("--window " + (steps + 1));
    }
}
