package dev.heed.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.internal.Checks;

/**
 * One post-norm transformer encoder layer (Vaswani et al., 2017): {@code x = LN(x +
 * Dropout(MHA(x)))}, then {@code x = LN(x + Dropout(W2 Dropout(GELU(W1 x))))}.
 *
 * <p>Dimensions: B batch (series), N tokens, E embedding, F feed-forward width, H heads. Input
 * {@code [x (B, N, E)]}; output {@code [y (B, N, E), attention (B, H, N, N)]}.
 */
public final class EncoderLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final boolean preNorm;
    private final MultiHeadSelfAttention attention;
    private final LayerNorm attentionNorm;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;
    private final LayerNorm feedForwardNorm;

    private EncoderLayer(Builder builder) {
        super(VERSION);
        dropout = builder.dropout;
        preNorm = builder.preNorm;
        attention =
                addChildBlock(
                        "attention",
                        MultiHeadSelfAttention.builder()
                                .setEmbedding(builder.embedding)
                                .setHeads(builder.heads)
                                .build());
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        feedForwardIn =
                addChildBlock(
                        "feedForwardIn", Linear.builder().setUnits(builder.feedForward).build());
        feedForwardOut =
                addChildBlock(
                        "feedForwardOut", Linear.builder().setUnits(builder.embedding).build());
        feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, N, E)
        boolean lrp = Lrp.on(params);
        if (preNorm) {
            return preNorm(store, x, training, params);
        }
        NDList attended =
                attention.forward(store, inputs, training, params); // [(B, N, E), (B, H, N, N)]
        NDArray residual = x.add(drop(attended.get(0), training)); // (B, N, E)
        NDArray h = norm(attentionNorm, store, residual, training, lrp); // (B, N, E)
        NDArray f = gelu(apply(feedForwardIn, store, h, training), lrp); // (B, N, F)
        f = apply(feedForwardOut, store, drop(f, training), training); // (B, N, E)
        NDArray y =
                norm(feedForwardNorm, store, h.add(drop(f, training)), training, lrp); // (B, N, E)
        return new NDList(y, attended.get(1));
    }

    /**
     * Pre-norm order (Xiong et al., 2020): {@code x = x + Dropout(MHA(LN(x)))}, then {@code x = x +
     * Dropout(W2 Dropout(GELU(W1 LN(x))))}; same parameters as post-norm.
     */
    private NDList preNorm(
            ParameterStore store, NDArray x, boolean training, PairList<String, Object> params) {
        boolean lrp = Lrp.on(params);
        NDArray normed = norm(attentionNorm, store, x, training, lrp); // (B, N, E)
        NDList attended = attention.forward(store, new NDList(normed), training, params);
        // [(B, N, E), (B, H, N, N)]
        NDArray h = x.add(drop(attended.get(0), training)); // (B, N, E)
        NDArray f = norm(feedForwardNorm, store, h, training, lrp); // (B, N, E)
        f = gelu(apply(feedForwardIn, store, f, training), lrp); // (B, N, F)
        f = apply(feedForwardOut, store, drop(f, training), training); // (B, N, E)
        return new NDList(h.add(drop(f, training)), attended.get(1)); // (B, N, E)
    }

    /** The layer's norm; in relevance mode with the identity rule ({@link Lrp#layerNorm}). */
    private static NDArray norm(
            LayerNorm norm, ParameterStore store, NDArray x, boolean training, boolean lrp) {
        return lrp ? Lrp.layerNorm(norm, store, x) : apply(norm, store, x, training);
    }

    /** GELU; in relevance mode with the identity rule ({@link Lrp#identity}). */
    private static NDArray gelu(NDArray x, boolean lrp) {
        return lrp ? Lrp.gelu(x) : Activation.gelu(x);
    }

    private NDArray drop(NDArray x, boolean training) {
        if (!training || dropout == 0f) {
            return x;
        }
        return Dropout.dropout(x, dropout, true).singletonOrThrow();
    }

    private static NDArray apply(
            AbstractBlock block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return attention.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0]; // (B, N, E)
        attention.initialize(manager, dataType, x);
        attentionNorm.initialize(manager, dataType, x);
        feedForwardIn.initialize(manager, dataType, x);
        Shape hidden = feedForwardIn.getOutputShapes(new Shape[] {x})[0]; // (B, N, F)
        feedForwardOut.initialize(manager, dataType, hidden);
        feedForwardNorm.initialize(manager, dataType, x);
    }

    /** Builds an {@link EncoderLayer}: embedding, heads and feed-forward width are required. */
    public static final class Builder {
        private int embedding;
        private int heads;
        private int feedForward;
        private float dropout;
        private boolean preNorm;

        private Builder() {}

        /** Layer norm before each sub-layer instead of after the residual (default: after). */
        public Builder optPreNorm(boolean preNorm) {
            this.preNorm = preNorm;
            return this;
        }

        public Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        public Builder setFeedForward(int feedForward) {
            this.feedForward = feedForward;
            return this;
        }

        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        public EncoderLayer build() {
            Checks.require(feedForward > 0, "feed-forward width must be > 0: " + feedForward);
            Checks.require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1): " + dropout);
            return new EncoderLayer(this);
        }
    }
}
