package dev.heed.models.forecasting.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import dev.heed.models.internal.Checks;

/**
 * Cuts each series into patches and embeds them (PatchTST, Nie et al. 2023, section 3.1): the end
 * is padded by repeating the last value {@code stride} times, {@code N = (T - P) / S + 2} patches
 * of P steps are taken every S steps, each is projected P -> E and a learnable positional embedding
 * {@code (N, E)} (uniform in +-0.02, as in PatchTST) is added.
 *
 * <p>Dimensions: B batch (series), T time steps, N patches, P patch length, S stride, E embedding.
 * Input {@code [x (B, T)]}; output {@code [tokens (B, N, E)]}.
 */
public final class PatchEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int steps;
    private final int patchLen;
    private final int stride;
    private final int patches;
    private final Linear projection;
    private final Parameter position;

    private PatchEmbedding(Builder builder) {
        super(VERSION);
        steps = builder.steps;
        patchLen = builder.patchLen;
        stride = builder.stride;
        patches = (steps - patchLen) / stride + 2;
        projection =
                addChildBlock("projection", Linear.builder().setUnits(builder.embedding).build());
        position =
                addParameter(
                        Parameter.builder()
                                .setName("position")
                                .setType(Parameter.Type.OTHER)
                                .optShape(new Shape(patches, builder.embedding))
                                .optInitializer(new UniformInitializer(0.02f))
                                .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** N, the number of patches per series. */
    public int patches() {
        return patches;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T)
        long b = x.getShape().get(0);
        NDArray index =
                x.getManager()
                        .create(patchIndex(), new Shape(1, (long) patches * patchLen)); // (1, N*P)
        NDArray cut = x.gather(index.broadcast(b, (long) patches * patchLen), 1); // (B, N*P)
        NDArray patched = cut.reshape(b, patches, patchLen); // (B, N, P)
        NDArray tokens =
                projection
                        .forward(store, new NDList(patched), training)
                        .singletonOrThrow(); // (B, N, E)
        NDArray pos = store.getValue(position, x.getDevice(), training); // (N, E)
        return new NDList(tokens.add(pos)); // (B, N, E)
    }

    /**
     * Step index of each patch element, {@code min(n * S + p, T - 1)}: clamping to the last step is
     * the end padding that repeats the last value.
     */
    private long[] patchIndex() {
        long[] index = new long[patches * patchLen];
        for (int n = 0; n < patches; n++) {
            for (int p = 0; p < patchLen; p++) {
                index[n * patchLen + p] = Math.min(n * stride + p, steps - 1);
            }
        }
        return index;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, patches, position.getShape().get(1))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        projection.initialize(
                manager, dataType, new Shape(inputShapes[0].get(0), patches, patchLen));
    }

    /** Builds a {@link PatchEmbedding}; every value is required. */
    public static final class Builder {
        private int steps;
        private int patchLen;
        private int stride;
        private int embedding;

        private Builder() {}

        public Builder setSteps(int steps) {
            this.steps = steps;
            return this;
        }

        public Builder setPatchLen(int patchLen) {
            this.patchLen = patchLen;
            return this;
        }

        public Builder setStride(int stride) {
            this.stride = stride;
            return this;
        }

        public Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        public PatchEmbedding build() {
            Checks.require(steps > 0, "steps must be > 0: " + steps);
            Checks.require(patchLen > 0, "patch length must be > 0: " + patchLen);
            Checks.require(stride > 0, "patch stride must be > 0: " + stride);
            Checks.require(embedding > 0, "embedding must be > 0: " + embedding);
            Checks.require(
                    patchLen <= steps,
                    "patch length must be <= steps: " + patchLen + " > " + steps);
            return new PatchEmbedding(this);
        }
    }
}
