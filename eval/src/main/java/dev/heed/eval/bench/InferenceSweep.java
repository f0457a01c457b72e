package dev.heed.eval.bench;

import dev.heed.models.AttentionMethod;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The forecaster alone, no Kafka: windows/s at each batch size through {@link Forecaster#forecast},
 * exactly as a stream thread calls it (packing, the network, attention summaries).
 */
final class InferenceSweep {
    private InferenceSweep() {}

    record Point(int batch, double msPerCall, double windowsPerSecond) {}

    static List<Point> run(
            ForecastModel model, AttentionMethod method, List<Integer> batches, long millisEach) {
        List<Point> out = new ArrayList<>();
        try (Forecaster f = model.newForecaster()) {
            for (int batch : batches) {
                List<float[][]> windows = windows(model.descriptor().window(), batch);
                for (int i = 0; i < 3; i++) {
                    f.forecast(windows, method);
                }
                long calls = 0;
                long t0 = System.nanoTime();
                long end = t0 + millisEach * 1_000_000L;
                long now;
                do {
                    f.forecast(windows, method);
                    calls++;
                    now = System.nanoTime();
                } while (now < end);
                double s = (now - t0) / 1e9;
                out.add(new Point(batch, s * 1000 / calls, batch * calls / s));
            }
        }
        return out;
    }

    /** Univariate sine-plus-noise windows, as the sensor benchmark produces. */
    static List<float[][]> windows(int steps, int batch) {
        Random r = new Random(1);
        List<float[][]> w = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            float[][] x = new float[1][steps];
            for (int t = 0; t < steps; t++) {
                x[0][t] = (float) (Math.sin(t / 5.0 + b) * 10 + r.nextGaussian());
            }
            w.add(x);
        }
        return w;
    }
}
