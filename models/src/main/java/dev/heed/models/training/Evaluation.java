package dev.heed.models.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.heed.models.training.internal.WindowIndex;
import java.nio.FloatBuffer;

/**
 * MSE and MAE of a model over a split's windows, in the training data's normalised units, averaged
 * over every predicted value. Runs in inference mode, in batches, each in its own closed manager.
 */
final class Evaluation {

    private static final int BATCH = 256;

    final double mse;
    final double mae;

    private Evaluation(double mse, double mae) {
        this.mse = mse;
        this.mae = mae;
    }

    static Evaluation of(Model model, TrainingData data, WindowIndex windows) {
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        int c = data.channels;
        float[] x = new float[BATCH * data.window * c];
        float[] y = new float[BATCH * data.horizon * c];
        double squared = 0;
        double absolute = 0;
        long count = 0;
        for (int from = 0; from < windows.size(); from += BATCH) {
            int n = Math.min(BATCH, windows.size() - from);
            data.fill(windows, null, from, n, x, y);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray input =
                        manager.create(
                                FloatBuffer.wrap(x, 0, n * data.window * c),
                                new Shape(n, data.window, c));
                NDArray target =
                        manager.create(
                                FloatBuffer.wrap(y, 0, n * data.horizon * c),
                                new Shape(n, data.horizon, c));
                NDList out = model.getBlock().forward(store, new NDList(input), false);
                NDArray error = out.get(0).sub(target); // (n, horizon, C)
                squared += error.square().sum().getFloat();
                absolute += error.abs().sum().getFloat();
                count += (long) n * data.horizon * c;
            }
        }
        return new Evaluation(squared / count, absolute / count);
    }
}
