package dev.heed.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.models.internal.Checks;
import dev.heed.models.nn.ConvSubsampling;
import dev.heed.models.nn.EncoderLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Heed's speech acoustic model: {@link ConvSubsampling} (time / 4), sinusoidal positions (Vaswani
 * et al., 2017, section 3.5), a stack of {@link EncoderLayer}s (post-norm, or pre-norm with a final
 * layer norm as in Xiong et al., 2020), and a linear layer to log-probabilities over the vocabulary
 * for CTC (Graves et al., 2006).
 *
 * <p>Dimensions: B batch, T feature frames, M mels, T' = encoder steps, E embedding, H heads, V
 * vocabulary (blank first). Input {@code [features (B, T, M)]}; output {@code [logProbs (B, T', V),
 * attention (B, H, T', T')]} where attention is the last layer's.
 */
public final class SpeechCtcBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int embedding;
    private final int heads;
    private final ConvSubsampling subsampling;
    private final List<EncoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear output;

    public SpeechCtcBlock(SpeechDescriptor.Architecture a, int vocabulary) {
        super(VERSION);
        Checks.require(vocabulary >= 2, "vocabulary must hold blank and a token: " + vocabulary);
        Checks.require(a.layers() > 0, "layers must be > 0: " + a.layers());
        Checks.require(a.convChannels() > 0, "conv_channels must be > 0: " + a.convChannels());
        embedding = a.dModel();
        heads = a.heads();
        subsampling =
                addChildBlock("subsampling", new ConvSubsampling(a.convChannels(), embedding));
        for (int i = 0; i < a.layers(); i++) {
            layers.add(
                    addChildBlock(
                            "encoder" + i,
                            EncoderLayer.builder()
                                    .setEmbedding(embedding)
                                    .setHeads(heads)
                                    .setFeedForward(a.ffDim())
                                    .optDropout((float) a.dropout())
                                    .optPreNorm(a.preNorm())
                                    .build()));
        }
        finalNorm =
                a.preNorm()
                        ? addChildBlock("finalNorm", LayerNorm.builder().axis(2).build())
                        : null;
        output = addChildBlock("output", Linear.builder().setUnits(vocabulary).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T, M)
        NDArray h = subsampling.forward(store, inputs, training).singletonOrThrow(); // (B, T', E)
        h = h.add(positions(x.getManager(), h.getShape().get(1))); // (B, T', E)
        NDArray attention = null;
        for (EncoderLayer layer : layers) {
            NDList out =
                    layer.forward(store, new NDList(h), training); // [(B, T', E), (B, H, T', T')]
            h = out.get(0);
            attention = out.get(1);
        }
        if (finalNorm != null) {
            h = finalNorm.forward(store, new NDList(h), training).singletonOrThrow(); // (B, T', E)
        }
        NDArray logits = output.forward(store, new NDList(h), training).singletonOrThrow();
        // (B, T', V)
        return new NDList(logits.logSoftmax(2), attention);
    }

    /** Sinusoidal positions {@code (T', E)}: sin on even, cos on odd dimensions. */
    private NDArray positions(NDManager manager, long steps) {
        float[] p = new float[(int) (steps * embedding)];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < embedding; i += 2) {
                double angle = t / Math.pow(10000, i / (double) embedding);
                p[t * embedding + i] = (float) Math.sin(angle);
                if (i + 1 < embedding) {
                    p[t * embedding + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return manager.create(p, new Shape(steps, embedding)); // (T', E)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape h = subsampling.getOutputShapes(inputShapes)[0]; // (B, T', E)
        Shape logits = output.getOutputShapes(new Shape[] {h})[0]; // (B, T', V)
        return new Shape[] {logits, new Shape(h.get(0), heads, h.get(1), h.get(1))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        subsampling.initialize(manager, dataType, inputShapes);
        Shape h = subsampling.getOutputShapes(inputShapes)[0];
        for (EncoderLayer layer : layers) {
            layer.initialize(manager, dataType, h);
        }
        if (finalNorm != null) {
            finalNorm.initialize(manager, dataType, h);
        }
        output.initialize(manager, dataType, h);
    }
}
