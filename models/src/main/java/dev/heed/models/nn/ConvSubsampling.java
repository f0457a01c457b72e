package dev.heed.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Convolutional subsampling in front of a speech transformer (Dong et al., Speech-Transformer,
 * ICASSP 2018; the ESPnet {@code Conv2dSubsampling}): two 3x3 convolutions with stride 2 and ReLU
 * over (time, mel), then a linear projection of channels x mels to the embedding. Time shrinks by
 * 4: output step {@code j} sees input frames {@code 4j .. 4j + 6}.
 *
 * <p>Dimensions: B batch, T feature frames, M mels, C channels, T' = ((T - 1) / 2 - 1) / 2 output
 * steps, M' likewise for mels, E embedding. Input {@code [x (B, T, M)]}; output {@code [(B, T',
 * E)]}.
 */
public final class ConvSubsampling extends AbstractBlock {

    private static final byte VERSION = 1;

    /** Feature frames per output step. */
    public static final int FACTOR = 4;

    /** Fewest feature frames that give one output step. */
    public static final int MIN_FRAMES = 7;

    private final Conv2d first;
    private final Conv2d second;
    private final Linear projection;

    public ConvSubsampling(int channels, int embedding) {
        super(VERSION);
        first = addChildBlock("conv1", conv(channels));
        second = addChildBlock("conv2", conv(channels));
        projection = addChildBlock("projection", Linear.builder().setUnits(embedding).build());
    }

    private static Conv2d conv(int channels) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optStride(new Shape(2, 2))
                .setFilters(channels)
                .build();
    }

    /** Output steps for {@code frames} input frames. */
    static long steps(long frames) {
        return ((frames - 3) / 2 + 1 - 3) / 2 + 1;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T, M)
        NDArray h = x.expandDims(1); // (B, 1, T, M)
        h = Activation.relu(first.forward(store, new NDList(h), training).singletonOrThrow());
        h = Activation.relu(second.forward(store, new NDList(h), training).singletonOrThrow());
        Shape s = h.getShape(); // (B, C, T', M')
        NDArray flat = h.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3));
        // (B, T', C * M')
        return projection.forward(store, new NDList(flat), training); // [(B, T', E)]
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0]; // (B, T, M)
        Shape conv = convShape(x);
        Shape flat = new Shape(x.get(0), conv.get(2), conv.get(1) * conv.get(3));
        return projection.getOutputShapes(new Shape[] {flat});
    }

    private Shape convShape(Shape x) {
        Shape in = new Shape(x.get(0), 1, x.get(1), x.get(2)); // (B, 1, T, M)
        Shape mid = first.getOutputShapes(new Shape[] {in})[0]; // (B, C, T1, M1)
        return second.getOutputShapes(new Shape[] {mid})[0]; // (B, C, T', M')
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0]; // (B, T, M)
        Shape in = new Shape(x.get(0), 1, x.get(1), x.get(2));
        first.initialize(manager, dataType, in);
        Shape mid = first.getOutputShapes(new Shape[] {in})[0];
        second.initialize(manager, dataType, mid);
        Shape conv = second.getOutputShapes(new Shape[] {mid})[0];
        projection.initialize(
                manager, dataType, new Shape(x.get(0), conv.get(2), conv.get(1) * conv.get(3)));
    }
}
