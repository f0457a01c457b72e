package dev.heed.models.bench;

import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.models.forecasting.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each way of making per-step weights costs per batch of the shipped sensor model, as the
 * stream threads call it: the forecast and its weights. {@code rollout}, {@code head_mean} and
 * {@code query} summarise the attention of one forward pass; {@code relevance} and {@code
 * gradient_x_input} add one backward pass; {@code integrated_gradients} a pass over 32 points per
 * window.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1"
        })
public class ExplanationBenchmark {
    @Param({"8", "64"})
    int batch;

    @Param({"query", "rollout", "relevance", "gradient_x_input", "integrated_gradients"})
    String method;

    private ForecastModel loaded;
    private Forecaster forecaster;
    private List<float[][]> windows;
    private AttentionMethod m;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        loaded = ModelLoader.load(Path.of("shipped/sensor-default"), DeviceChoice.CPU);
        forecaster = loaded.newForecaster();
        windows = ForwardBenchmark.windows(loaded.descriptor(), batch);
        m = AttentionMethod.parse(method);
    }

    @Benchmark
    public List<Forecast> forecast() {
        return forecaster.forecast(windows, m);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        forecaster.close();
        loaded.close();
    }
}
