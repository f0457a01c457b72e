package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.header;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.utf8;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model engine that fails (out of memory, a device hiccup) is tried again with a pause before any
 * window is given up; one that keeps failing gives each window up as a {@code model_error} dead
 * letter, and the thread goes on.
 */
class EngineFailureTest {
    private static final int STEPS = Fixtures.model().descriptor().window();

    @TempDir Path stateDir;

    /** The fixture model, failing its next {@code failures} calls. */
    private static ForecastModel failing(AtomicInteger failures) {
        ForecastModel real = Fixtures.model();
        return new ForecastModel() {
            @Override
            public ModelDescriptor descriptor() {
                return real.descriptor();
            }

            @Override
            public Forecaster newForecaster() {
                Forecaster f = real.newForecaster();
                return new Forecaster() {
                    @Override
                    public List<Forecast> forecast(
                            List<float[][]> windows, AttentionMethod method) {
                        if (failures.getAndDecrement() > 0) {
                            throw new IllegalStateException("CUDA out of memory (simulated)");
                        }
                        return f.forecast(windows, method);
                    }

                    @Override
                    public void close() {
                        f.close();
                    }
                };
            }

            @Override
            public void close() {}
        };
    }

    private TopologyHarness run(AtomicInteger failures) {
        TopologyHarness h =
                new TopologyHarness(
                        HeedConfig.of(Map.of("model.retry.backoff", "1ms")),
                        stateDir,
                        ModelSource.of(failing(failures)));
        for (int i = 0; i < STEPS; i++) {
            h.in.pipeInput(utf8("s"), reading("s", T0 + i * 60_000L, wave(i)));
        }
        h.driver.advanceWallClockTime(Duration.ofSeconds(1));
        return h;
    }

    @Test
    void shouldTryAgainAfterATransientFailureAndLoseNoWindow() {
        AtomicInteger failures = new AtomicInteger(2);
        try (TopologyHarness h = run(failures)) {
            assertThat(h.predictions.readRecordsToList()).hasSize(1);
            assertThat(h.dlq.isEmpty()).isTrue();
            assertThat(h.counters.modelRetries()).isEqualTo(2);
        }
    }

    @Test
    void shouldGiveTheWindowUpAsAModelErrorWhenTheEngineKeepsFailing() {
        AtomicInteger failures = new AtomicInteger(1000);
        try (TopologyHarness h = run(failures)) {
            assertThat(h.predictions.isEmpty()).isTrue();
            List<TestRecord<byte[], byte[]>> dead = h.dlq.readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), "heed.dlq.reason")).isEqualTo("model_error");
            assertThat(header(dead.get(0), "heed.dlq.message"))
                    .contains("CUDA out of memory (simulated)");
            assertThat(h.counters.modelRetries()).as("model.retries=2 by default").isEqualTo(2);
            // the thread goes on: the next window is predicted once the engine is back
            failures.set(0);
            int stride = HeedConfig.of(Map.of()).getPositiveInt("window.stride");
            for (int i = STEPS; i < STEPS + stride; i++) {
                h.in.pipeInput(utf8("s"), reading("s", T0 + i * 60_000L, wave(i)));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(h.predictions.readRecordsToList()).hasSize(1);
        }
    }
}
