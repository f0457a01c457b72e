package dev.heed.models.forecasting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.forecasting.internal.PatchEmbedding;
import dev.heed.models.internal.Checks;
import dev.heed.models.nn.EncoderLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel-independent patch time-series transformer after PatchTST (Nie et al., ICLR 2023).
 *
 * <p>Per series: optional RevIN instance normalisation over the window (mean and std with eps 1e-5,
 * no affine, statistics not back-propagated), patching with end padding, linear patch embedding
 * plus learnable positions, dropout, L post-norm encoder layers, a flatten head {@code N*E ->
 * horizon}, and the instance normalisation undone. Series never mix: every variable is forecast
 * from its own past only, so the block serves any number of variables.
 *
 * <p>Forward parameters: {@link dev.heed.models.nn.Lrp#MODE} runs the block in relevance mode (same
 * values, a backward pass that carries AttnLRP relevance); {@link #NORMALISED} takes an input that
 * is already instance-normalised.
 *
 * <p>Dimensions: B batch, T time steps, C variables, N patches, P patch length, E embedding, H
 * heads, L layers. Input {@code [x (B, T, C)]}; output {@code [prediction (B, horizon, C),
 * attention (B*C, L, H, N, N), embedding (B*C, E)]}, attention rows summing to 1; the embedding is
 * the last layer's token of the newest patch: the network's representation of the window's end in
 * the context of the whole window (the anomaly detector's novelty memory compares it).
 */
public final class PatchTstBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    /** The epsilon added to each window's variance by the instance normalisation. */
    public static final float INSTANCE_NORM_EPS = 1e-5f;

    /**
     * Forward parameter {@code NORMALISED=true}: the input is already normalised per series over
     * the window as the block would ({@code (x - mean) / sqrt(var + eps)}), and the output is left
     * in those units. Explanations use it to work in the units the network sees.
     */
    public static final String NORMALISED = "heed.normalised";

    private final int steps;
    private final int horizon;
    private final int embedding;
    private final int heads;
    private final float dropout;
    private final boolean instanceNorm;
    private final PatchEmbedding patchEmbedding;
    private final List<EncoderLayer> layers = new ArrayList<>();
    private final Linear head;

    private PatchTstBlock(Builder builder) {
        super(VERSION);
        Architecture a = builder.architecture;
        steps = builder.steps;
        horizon = builder.horizon;
        embedding = a.dModel();
        heads = a.heads();
        dropout = (float) a.dropout();
        instanceNorm = builder.instanceNorm;
        patchEmbedding =
                addChildBlock(
                        "patchEmbedding",
                        PatchEmbedding.builder()
                                .setSteps(steps)
                                .setPatchLen(a.patchLen())
                                .setStride(a.patchStride())
                                .setEmbedding(embedding)
                                .build());
        for (int l = 0; l < a.layers(); l++) {
            EncoderLayer layer =
                    EncoderLayer.builder()
                            .setEmbedding(embedding)
                            .setHeads(heads)
                            .setFeedForward(a.ffDim())
                            .optDropout(dropout)
                            .build();
            layers.add(addChildBlock("layer" + l, layer));
        }
        head = addChildBlock("head", Linear.builder().setUnits(horizon).build());
    }

    static Builder builder() {
        return new Builder();
    }

    /** The block a descriptor's architecture, window, horizon and instance_norm describe. */
    public static PatchTstBlock of(ModelDescriptor d) {
        return builder()
                .setArchitecture(d.architecture())
                .setSteps(d.window())
                .setHorizon(d.horizon())
                .optInstanceNorm(d.instanceNorm())
                .build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T, C)
        long b = x.getShape().get(0);
        long c = x.getShape().get(2);
        boolean revIn = instanceNorm && !normalised(params);
        NDArray mean = null;
        NDArray std = null;
        if (revIn) {
            mean = x.mean(new int[] {1}, true).stopGradient(); // (B, 1, C)
            NDArray variance = x.sub(mean).square().mean(new int[] {1}, true); // (B, 1, C)
            std = variance.add(INSTANCE_NORM_EPS).sqrt().stopGradient(); // (B, 1, C)
            x = x.sub(mean).div(std); // (B, T, C)
        }
        NDArray series = x.transpose(0, 2, 1).reshape(b * c, steps); // (B*C, T)
        NDArray tokens =
                patchEmbedding
                        .forward(store, new NDList(series), training)
                        .singletonOrThrow(); // (B*C, N, E)
        if (training && dropout > 0f) {
            tokens = Dropout.dropout(tokens, dropout, true).singletonOrThrow(); // (B*C, N, E)
        }
        NDList attentions = new NDList(layers.size());
        for (EncoderLayer layer : layers) {
            NDList out = layer.forward(store, new NDList(tokens), training, params);
            tokens = out.get(0); // (B*C, N, E)
            attentions.add(out.get(1)); // (B*C, H, N, N)
        }
        NDArray flat =
                tokens.reshape(b * c, (long) patchEmbedding.patches() * embedding); // (B*C, N*E)
        NDArray y =
                head.forward(store, new NDList(flat), training)
                        .singletonOrThrow(); // (B*C, horizon)
        y = y.reshape(b, c, horizon).transpose(0, 2, 1); // (B, horizon, C)
        if (revIn) {
            y = y.mul(std).add(mean); // (B, horizon, C)
        }
        NDArray attention = NDArrays.stack(attentions, 1); // (B*C, L, H, N, N)
        NDArray last = tokens.get(":, -1, :"); // (B*C, E): the newest patch, in context
        return new NDList(y, attention, last);
    }

    /**
     * Whether {@code params} say the input is already instance-normalised ({@link #NORMALISED}):
     * then the block neither normalises it nor restores the output's level and scale.
     */
    private static boolean normalised(PairList<String, Object> params) {
        return params != null && Boolean.TRUE.equals(params.get(NORMALISED));
    }

    /** Whether the block normalises each series over its window (RevIN). */
    public boolean instanceNorm() {
        return instanceNorm;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0]; // (B, T, C)
        long n = patchEmbedding.patches();
        return new Shape[] {
            new Shape(x.get(0), horizon, x.get(2)),
            new Shape(x.get(0) * x.get(2), layers.size(), heads, n, n),
            new Shape(x.get(0) * x.get(2), embedding)
        };
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0]; // (B, T, C)
        Shape series = new Shape(x.get(0) * x.get(2), steps); // (B*C, T)
        patchEmbedding.initialize(manager, dataType, series);
        Shape tokens = patchEmbedding.getOutputShapes(new Shape[] {series})[0]; // (B*C, N, E)
        for (EncoderLayer layer : layers) {
            layer.initialize(manager, dataType, tokens);
        }
        head.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(1) * tokens.get(2)));
    }

    /** Builds a {@link PatchTstBlock}: architecture, steps and horizon are required. */
    static final class Builder {
        private Architecture architecture;
        private int steps;
        private int horizon;
        private boolean instanceNorm = true;

        private Builder() {}

        Builder setArchitecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /** T, the window's time steps. */
        Builder setSteps(int steps) {
            this.steps = steps;
            return this;
        }

        Builder setHorizon(int horizon) {
            this.horizon = horizon;
            return this;
        }

        /**
         * Whether each series is normalised over its window inside the model (RevIN); default on.
         */
        Builder optInstanceNorm(boolean instanceNorm) {
            this.instanceNorm = instanceNorm;
            return this;
        }

        PatchTstBlock build() {
            Checks.require(architecture != null, "architecture is required");
            Checks.require(steps > 0, "steps (window) must be > 0: " + steps);
            Checks.require(horizon > 0, "horizon must be > 0: " + horizon);
            architecture.validate(steps);
            return new PatchTstBlock(this);
        }
    }

    /** A one-window input shape {@code (1, T, C)}: what the block is initialised with. */
    public static Shape inputShape(ModelDescriptor d) {
        int c = d.channelIndependent() ? 1 : d.variables().size();
        return new Shape(1, d.window(), c);
    }
}
