package dev.heed.models.forecasting.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.ModelDescriptor.Outputs;
import dev.heed.models.internal.Checks;

/**
 * The prediction and attention of one network call, checked against the model contract and copied
 * out of the engine as flat float arrays, so that nothing after the call depends on the engine.
 *
 * <p>Dimensions: B batch, T time steps, C variables per call, R = B*C series, L layers, H heads, N
 * tokens. Prediction {@code (B, horizon, C)}; attention {@code (R, L, H, N, N)}.
 *
 * @param prediction flat {@code (B, horizon, C)}
 * @param attention flat {@code (R, L, H, N, N)}
 * @param attentionShape {@code (R, L, H, N, N)}
 * @param embedding flat {@code (R, E)}: each series' representation of the window's newest patch,
 *     the network's output after the prediction and attention when it gives one of that shape
 *     (Heed's {@code djl} format does); null when it does not
 * @param width E, 0 without an embedding
 */
public record NetworkOutputs(
        float[] prediction, float[] attention, Shape attentionShape, float[] embedding, int width) {

    /** Outputs without an embedding. */
    public NetworkOutputs(float[] prediction, float[] attention, Shape attentionShape) {
        this(prediction, attention, attentionShape, null, 0);
    }

    /**
     * The output after {@code after} when it is a float32 {@code (R, E)} embedding for {@code
     * series} series, flat; null otherwise.
     */
    public static float[] embedding(NDList out, int after, long series) {
        if (out.size() <= after + 1) {
            return null;
        }
        NDArray e = out.get(after + 1); // (R, E)
        Shape s = e.getShape();
        boolean fits =
                s.dimension() == 2
                        && s.get(0) == series
                        && s.get(1) > 0
                        && e.getDataType() == DataType.FLOAT32;
        return fits ? e.stopGradient().toFloatArray() : null;
    }

    /**
     * Picks the outputs at the descriptor's indices and checks them.
     *
     * @param out everything the network returned
     * @param input the shape of the call's input, {@code (B, T, C)}
     * @throws dev.heed.models.HeedModelException naming the output, its shape and what the contract
     *     expects
     */
    public static NetworkOutputs of(NDList out, ModelDescriptor d, Shape input) {
        Outputs at = d.outputs();
        int needed = Math.max(at.prediction(), at.attention()) + 1;
        Checks.require(
                out.size() >= needed,
                "model "
                        + d.name()
                        + " returned "
                        + out.size()
                        + " outputs; model.json's outputs (prediction "
                        + at.prediction()
                        + ", attention "
                        + at.attention()
                        + ") need at least "
                        + needed);
        NDArray prediction = out.get(at.prediction()); // (B, horizon, C)
        NDArray attention = out.get(at.attention()); // (R, L, H, N, N)
        Shape want = new Shape(input.get(0), d.horizon(), input.get(2));
        checkFloat(prediction, at.prediction(), "prediction");
        Checks.require(
                prediction.getShape().equals(want),
                "output "
                        + at.prediction()
                        + " (prediction) has shape "
                        + prediction.getShape()
                        + ", expected (B, horizon, C) = "
                        + want
                        + " for input "
                        + input);
        checkFloat(attention, at.attention(), "attention");
        checkAttention(attention.getShape(), at.attention(), d, input.get(0) * input.get(2));
        long series = input.get(0) * input.get(2);
        float[] embedding = embedding(out, needed - 1, series); // (R, E)
        int width = embedding == null ? 0 : (int) (embedding.length / series);
        return new NetworkOutputs(
                prediction.toFloatArray(),
                attention.toFloatArray(),
                attention.getShape(),
                embedding,
                width);
    }

    private static void checkAttention(Shape s, int index, ModelDescriptor d, long series) {
        String which = "output " + index + " (attention) has shape " + s;
        Checks.require(
                s.dimension() == 5 && s.get(0) == series && s.get(3) == s.get(4) && s.get(3) > 0,
                which + ", expected (B*C, L, H, N, N) with B*C = " + series);
        Architecture a = d.architecture();
        Checks.require(
                a.layers() <= 0 || s.get(1) == a.layers(),
                which
                        + ": "
                        + s.get(1)
                        + " layers, model.json's architecture.layers is "
                        + a.layers());
        Checks.require(
                a.heads() <= 0 || s.get(2) == a.heads(),
                which
                        + ": "
                        + s.get(2)
                        + " heads, model.json's architecture.heads is "
                        + a.heads());
        long padded = a.patches(d.window());
        Checks.require(
                s.get(3) == padded || s.get(3) == padded - 1,
                which
                        + ": "
                        + s.get(3)
                        + " tokens, but patch_len "
                        + a.patchLen()
                        + " and patch_stride "
                        + a.patchStride()
                        + " over window "
                        + d.window()
                        + " give "
                        + (padded - 1)
                        + " patches ("
                        + padded
                        + " with end padding); fix model.json's architecture");
    }

    private static void checkFloat(NDArray array, int index, String name) {
        Checks.require(
                array.getDataType() == DataType.FLOAT32,
                "output "
                        + index
                        + " ("
                        + name
                        + ") is "
                        + array.getDataType()
                        + ", expected float32");
    }
}
