package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelWatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    private Path dir;
    private ModelSource source;
    private ModelWatcher watcher;
    private TopologyHarness harness;
    private int fed;

    @BeforeEach
    void setUp() throws Exception {
        dir = Fixtures.copyModel(Fixtures.SHIPPED_MODEL, tmp.resolve("model"));
        source = ModelSource.of(ModelLoader.load(dir, DeviceChoice.CPU));
        watcher = ModelWatcher.manual(dir, DeviceChoice.CPU, source);
        harness = new TopologyHarness(HeedConfig.of(Map.of()), tmp.resolve("state"), source);
    }

    @AfterEach
    void tearDown() {
        harness.close();
        watcher.close();
        source.close();
    }

    private void editDescriptor(String field, Object value) throws Exception {
        Fixtures.editDescriptor(dir, field, value);
    }

    /** Feeds readings until one more window is predicted; returns its model version. */
    private String nextPredictionVersion() throws Exception {
        int steps = source.current().descriptor().window();
        int until = fed == 0 ? steps : fed + 8;
        for (; fed < until; fed++) {
            harness.in.pipeInput(
                    Fixtures.utf8("s"),
                    Fixtures.reading("s", Fixtures.T0 + fed * 60_000L, Fixtures.wave(fed)));
        }
        harness.driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<byte[]> out = harness.predictions.readValuesToList();
        assertThat(out).hasSize(1);
        JsonNode p = JSON.readTree(out.get(0));
        return p.path("model").path("version").asText();
    }

    @Test
    void shouldSwapInANewVersionWithoutARestart() throws Exception {
        String v1 = source.current().descriptor().version();
        assertThat(nextPredictionVersion()).isEqualTo(v1);
        assertThat(watcher.check()).isFalse();
        editDescriptor("version", "v2-test");
        assertThat(watcher.check()).isTrue();
        assertThat(source.current().descriptor().version()).isEqualTo("v2-test");
        assertThat(nextPredictionVersion()).isEqualTo("v2-test");
        assertThat(watcher.swaps()).isEqualTo(1);
    }

    @Test
    void shouldCloseTheOldModelOnlyWhenTheThreadThatHeldItHasMovedOn() throws Exception {
        ForecastModel v1 = source.current();
        nextPredictionVersion();
        assertThat(source.holders(v1)).as("the stream thread's batcher").isEqualTo(1);
        editDescriptor("version", "v2-test");
        assertThat(watcher.check()).isTrue();
        assertThat(source.holders(v1)).isEqualTo(1);
        assertThat(v1.newForecaster())
                .as("still usable: the thread may be mid-batch")
                .isNotNull()
                .satisfies(Forecaster::close);
        assertThat(nextPredictionVersion()).isEqualTo("v2-test");
        assertThat(source.holders(v1)).isZero();
        assertThatThrownBy(v1::newForecaster).as("closed once let go").isNotNull();
    }

    @Test
    void shouldSwapOnItsOwnTimer() throws Exception {
        try (ModelWatcher timed =
                ModelWatcher.start(dir, DeviceChoice.CPU, source, Duration.ofMillis(100))) {
            editDescriptor("version", "v2-timed");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (timed.swaps() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(timed.swaps()).isEqualTo(1);
            assertThat(timed.lastMessage()).contains("now serving").contains("v2-timed");
            Thread.sleep(500);
            assertThat(timed.swaps()).as("the same version is not swapped again").isEqualTo(1);
        }
        assertThat(nextPredictionVersion()).isEqualTo("v2-timed");
    }

    @Test
    void shouldRefuseABrokenModelAndKeepServingTheOldOne() throws Exception {
        String v1 = source.current().descriptor().version();
        editDescriptor("version", "v2-broken");
        byte[] params = Files.readAllBytes(dir.resolve("model.params"));
        Files.write(
                dir.resolve("model.params"), java.util.Arrays.copyOf(params, params.length / 2));
        assertThat(watcher.check()).isFalse();
        assertThat(watcher.lastMessage())
                .contains("v2-broken")
                .contains("cannot be loaded")
                .contains("still serving version " + v1);
        assertThat(nextPredictionVersion()).isEqualTo(v1);
        assertThat(watcher.check()).isFalse();
        assertThat(watcher.refusals()).isEqualTo(2);
        Files.write(dir.resolve("model.params"), params);
        assertThat(watcher.check()).as("retried once the files are whole").isTrue();
        assertThat(nextPredictionVersion()).isEqualTo("v2-broken");
    }

    @Test
    void shouldRefuseAModelThatDoesNotFitTheRunningTopology() throws Exception {
        editDescriptor("version", "v2-window");
        editDescriptor("window", 32);
        assertThat(watcher.check()).isFalse();
        assertThat(watcher.lastMessage()).contains("window is 32 steps").contains("restart Heed");
        editDescriptor("window", source.current().descriptor().window());
        editDescriptor("variables", List.of("temp", "rpm"));
        assertThat(watcher.check()).isFalse();
        assertThat(watcher.lastMessage()).contains("[temp, rpm]");
    }

    @Test
    void shouldRefuseAnUnreadableDescriptor() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{not json");
        assertThat(watcher.check()).isFalse();
        assertThat(watcher.lastMessage()).contains("model.json in " + dir);
    }
}
