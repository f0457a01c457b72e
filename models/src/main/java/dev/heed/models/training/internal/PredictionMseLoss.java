package dev.heed.models.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean squared error of the prediction output only. DJL's {@code L2Loss} requires a single output,
 * and the model also returns its attention.
 *
 * <p>Dimensions: B batch, C variables. Labels {@code [(B, horizon, C)]}; predictions {@code [(B,
 * horizon, C), attention]}; result a scalar.
 */
public final class PredictionMseLoss extends Loss {

    public PredictionMseLoss() {
        super("mse");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.get(0); // (B, horizon, C)
        return prediction.sub(labels.singletonOrThrow()).square().mean(); // ()
    }
}
