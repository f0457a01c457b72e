package dev.heed.models.bench;

import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.Forecast;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.models.forecasting.ModelLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * The forward pass of a shipped model through {@link Forecaster}, as the stream threads call it:
 * raw windows in, forecasts and rollout attention per step out. Time per batch; windows/s is the
 * batch size divided by it.
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
public class ForwardBenchmark {
    @Param({"1", "8", "32", "128"})
    int batch;

    @Param({"shipped/sensor-default", "shipped/sensor-default-onnx"})
    String model;

    private ForecastModel loaded;
    private Forecaster forecaster;
    private List<float[][]> windows;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        loaded = ModelLoader.load(Path.of(model), DeviceChoice.CPU);
        forecaster = loaded.newForecaster();
        windows = windows(loaded.descriptor(), batch);
    }

    /** {@code batch} seeded sine-plus-noise windows of the model's shape. */
    static List<float[][]> windows(ModelDescriptor d, int batch) {
        int steps = d.window();
        int vars = d.channelIndependent() ? 1 : d.variables().size();
        Random r = new Random(1);
        List<float[][]> windows = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            float[][] w = new float[vars][steps];
            for (float[] row : w) {
                for (int t = 0; t < steps; t++) {
                    row[t] = (float) (Math.sin(t / 5.0 + b) * 10 + r.nextGaussian());
                }
            }
            windows.add(w);
        }
        return windows;
    }

    @Benchmark
    public List<Forecast> forecast() {
        return forecaster.forecast(windows, AttentionMethod.ROLLOUT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        forecaster.close();
        loaded.close();
    }
}
