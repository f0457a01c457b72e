package dev.heed.models.forecasting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Helps export a model trained by Heed to another format: writes the parameters of a model in
 * Heed's {@code djl} format as a NumPy {@code .npz} archive, one array per parameter under its DJL
 * path (such as {@code 02layer0_01attention_01query_weight}), for exporters outside Java (see
 * {@code models/tools/export_onnx.py}), and measures how closely an exported model agrees with it.
 */
public final class ModelExport {
    private ModelExport() {}

    /**
     * @param modelDir a model directory whose {@code model.json} has {@code "format": "djl"}
     * @param npz the archive to write
     * @return the number of parameters written
     */
    public static int weightsToNpz(Path modelDir, Path npz) throws ModelLoadException, IOException {
        ModelDescriptor d = ModelDescriptor.read(modelDir);
        if (!"djl".equals(d.format())) {
            throw new ModelLoadException(
                    "model "
                            + d.name()
                            + " in "
                            + modelDir
                            + " has format '"
                            + d.format()
                            + "'; only models in Heed's own format (djl, what heed train writes) are"
                            + " exported");
        }
        try (ForecastModel m = ModelLoader.load(modelDir, DeviceChoice.CPU)) {
            NDList arrays = new NDList();
            for (Pair<String, Parameter> p :
                    ((NetworkForecastModel) m).model().getBlock().getParameters()) {
                NDArray a = p.getValue().getArray();
                a.setName(p.getKey());
                arrays.add(a);
            }
            try (OutputStream out = Files.newOutputStream(npz)) {
                arrays.encode(out, NDList.Encoding.NPZ);
            }
            return arrays.size();
        }
    }

    /**
     * How far two models' answers are apart on the same windows: the largest difference of a
     * predicted value, relative to the largest predicted value's size (at least 1), and the largest
     * difference of a step's attention weight, over every attention summary (the gradient methods
     * need Heed's own blocks).
     */
    public record Agreement(
            int windows, double maxPredictionDiff, double maxPredictionSize, double maxWeightDiff) {
        /** Whether the two agree to float rounding: 1e-5 relative for values, 1e-4 for weights. */
        public boolean withinRounding() {
            return maxPredictionDiff <= 1e-5 * Math.max(1, maxPredictionSize)
                    && maxWeightDiff <= 1e-4;
        }
    }

    /**
     * Runs both models on {@code count} seeded synthetic univariate windows (levels, waves and
     * noise of several scales, the swing 1-100% of the level) and compares their forecasts.
     */
    public static Agreement agreement(
            ForecastModel reference, ForecastModel other, int count, long seed) {
        int steps = reference.descriptor().window();
        Random r = new Random(seed);
        List<float[][]> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[][] w = new float[1][steps];
            double level = r.nextGaussian() * Math.pow(10, r.nextInt(4));
            // the swing at least 1% of the level: flatter windows are ill-conditioned in float32
            // (instance normalisation subtracts the level), and engines that sum in another order
            // part by more than rounding there
            double amp = (Math.abs(level) + 1) * Math.pow(10, -2 * r.nextDouble());
            int period = 2 + r.nextInt(24);
            for (int t = 0; t < steps; t++) {
                w[0][t] =
                        (float)
                                (level
                                        + amp * Math.sin(2 * Math.PI * t / period)
                                        + 0.3 * amp * r.nextGaussian());
            }
            windows.add(w);
        }
        double dp = 0;
        double size = 0;
        double dw = 0;
        try (Forecaster a = reference.newForecaster();
                Forecaster b = other.newForecaster()) {
            for (AttentionMethod m : AttentionMethod.summaries()) {
                List<Forecast> fa = a.forecast(windows, m);
                List<Forecast> fb = b.forecast(windows, m);
                for (int i = 0; i < count; i++) {
                    float[][] pa = fa.get(i).prediction();
                    float[][] pb = fb.get(i).prediction();
                    for (int c = 0; c < pa.length; c++) {
                        for (int h = 0; h < pa[c].length; h++) {
                            dp = Math.max(dp, Math.abs(pa[c][h] - pb[c][h]));
                            size = Math.max(size, Math.abs(pa[c][h]));
                        }
                    }
                    float[] wa = fa.get(i).stepWeights();
                    float[] wb = fb.get(i).stepWeights();
                    for (int t = 0; t < wa.length; t++) {
                        dw = Math.max(dw, Math.abs(wa[t] - wb[t]));
                    }
                }
            }
        }
        return new Agreement(count, dp, size, dw);
    }
}
