package dev.heed.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.internal.Checks;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al., 2017, section 3.2) that also
 * returns its attention probabilities, which DJL's own attention blocks do not.
 *
 * <p>{@code softmax(Q K^T / sqrt(D)) V} per head, softmax over the keys, heads concatenated and
 * projected. No dropout on the probabilities (PatchTST's default), so the returned probabilities
 * are exactly the ones applied.
 *
 * <p>Dimensions: B batch (series), N tokens, E embedding, H heads, D = E / H head size. Input
 * {@code [x (B, N, E)]}; output {@code [y (B, N, E), probabilities (B, H, N, N)]}.
 */
final class MultiHeadSelfAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int embedding;
    private final int heads;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    private MultiHeadSelfAttention(Builder builder) {
        super(VERSION);
        embedding = builder.embedding;
        heads = builder.heads;
        query = addChildBlock("query", Linear.builder().setUnits(embedding).build());
        key = addChildBlock("key", Linear.builder().setUnits(embedding).build());
        value = addChildBlock("value", Linear.builder().setUnits(embedding).build());
        output = addChildBlock("output", Linear.builder().setUnits(embedding).build());
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, N, E)
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        long d = embedding / heads;
        NDArray q = splitHeads(project(query, store, x, training), b, n, d); // (B, H, N, D)
        NDArray k = splitHeads(project(key, store, x, training), b, n, d); // (B, H, N, D)
        NDArray v = splitHeads(project(value, store, x, training), b, n, d); // (B, H, N, D)
        boolean lrp = Lrp.on(params);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)); // (B, H, N, N)
        if (lrp) {
            scores = Lrp.uniform(scores); // queries times keys: half the relevance to each
        }
        scores = Constant.dividedBy(scores, (float) Math.sqrt(d)); // (B, H, N, N)
        NDArray probabilities = Softmax.lastAxis(scores); // (B, H, N, N), rows sum to 1 over keys
        NDArray context = probabilities.matMul(v); // (B, H, N, D)
        if (lrp) {
            context = Lrp.uniform(context); // probabilities times values: half to each
        }
        NDArray merged = context.transpose(0, 2, 1, 3).reshape(b, n, embedding); // (B, N, E)
        NDArray y = project(output, store, merged, training); // (B, N, E)
        return new NDList(y, probabilities);
    }

    private static NDArray project(
            Linear linear, ParameterStore store, NDArray x, boolean training) {
        return linear.forward(store, new NDList(x), training).singletonOrThrow(); // (B, N, E)
    }

    /** (B, N, E) -> (B, H, N, D). */
    private NDArray splitHeads(NDArray x, long b, long n, long d) {
        return x.reshape(b, n, heads, d).transpose(0, 2, 1, 3); // (B, H, N, D)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0]; // (B, N, E)
        return new Shape[] {x, new Shape(x.get(0), heads, x.get(1), x.get(1))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Linear linear : new Linear[] {query, key, value, output}) {
            linear.initialize(manager, dataType, inputShapes[0]);
        }
    }

    /** Builds a {@link MultiHeadSelfAttention}: embedding and heads are required. */
    static final class Builder {
        private int embedding;
        private int heads;

        private Builder() {}

        Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        MultiHeadSelfAttention build() {
            Checks.require(embedding > 0, "embedding must be > 0: " + embedding);
            Checks.require(heads > 0, "heads must be > 0: " + heads);
            Checks.require(
                    embedding % heads == 0,
                    "embedding must be divisible by heads: "
                            + embedding
                            + " % "
                            + heads
                            + " = "
                            + embedding % heads);
            return new MultiHeadSelfAttention(this);
        }
    }
}
