package dev.heed.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.formats.EngineErrors;
import java.util.List;

/**
 * Runs one utterance through a {@link SpeechNetwork}: normalise, forward in a sub-manager closed
 * before returning, log-softmax, greedy decode with the head-mean attention.
 */
final class NetworkTranscriber implements Transcriber {

    private final SpeechNetwork network;
    private final SpeechDescriptor d;
    private final CtcGreedyDecoder decoder;
    private final ParameterStore store;
    private final float[] mean;
    private final float[] inverseStd;
    private final FramePreparation preparation;

    NetworkTranscriber(SpeechNetwork network) {
        this.network = network;
        this.d = network.descriptor();
        this.decoder = network.decoder();
        this.store = new ParameterStore(network.model().getNDManager(), false);
        this.preparation = FramePreparation.of(d);
        int mels = d.features().mels();
        ModelDescriptor.Normalization n = d.normalization();
        mean = new float[mels];
        inverseStd = new float[mels];
        for (int m = 0; m < mels; m++) {
            mean[m] = n.isEmpty() ? 0f : n.mean().get(m).floatValue();
            inverseStd[m] = n.isEmpty() ? 1f : (float) (1 / n.std().get(m));
        }
    }

    @Override
    public StreamMean remember(StreamMean history, float[][] features) {
        return preparation.remember(history, features);
    }

    @Override
    public Transcript transcribe(float[][] features, StreamMean history) {
        long start = System.nanoTime();
        int mels = d.features().mels();
        if (features.length < network.minFrames()) {
            return new Transcript(List.of(), features.length, 0, d.stepSeconds(), 0);
        }
        for (int t = 0; t < features.length; t++) {
            if (features[t].length != mels) {
                throw new HeedModelException(
                        "feature frame "
                                + t
                                + " has "
                                + features[t].length
                                + " mels, the model expects "
                                + mels
                                + " (model.json features.mels)");
            }
        }
        features = preparation.apply(features, history);
        float[] flat = new float[features.length * mels];
        for (int t = 0; t < features.length; t++) {
            for (int m = 0; m < mels; m++) {
                flat[t * mels + m] = (features[t][m] - mean[m]) * inverseStd[m];
            }
        }
        float[][] logProbs;
        float[][] attention = null;
        try (NDManager manager = network.model().getNDManager().newSubManager()) {
            NDArray x = manager.create(flat, new Shape(1, features.length, mels)); // (1, T, M)
            NDList out = forward(x);
            NDArray lp = out.get(d.outputs().logProbs()).logSoftmax(-1); // (1, T', V)
            if (lp.getShape().dimension() != 3
                    || lp.getShape().get(2) != network.vocabulary().size()) {
                throw new HeedModelException(
                        "speech model "
                                + d.name()
                                + ": output "
                                + d.outputs().logProbs()
                                + " should be log-probabilities (B, T', V) over the "
                                + network.vocabulary().size()
                                + " tokens of "
                                + d.vocabulary()
                                + ", got "
                                + lp.getShape());
            }
            logProbs = rows(lp.get(0)); // (T', V)
            if (d.outputs().attention() >= 0 && d.outputs().attention() < out.size()) {
                NDArray a = out.get(d.outputs().attention()); // (1, H, T', T')
                Shape s = a.getShape();
                if (s.dimension() != 4
                        || s.get(2) != logProbs.length
                        || s.get(3) != logProbs.length) {
                    throw new HeedModelException(
                            "speech model "
                                    + d.name()
                                    + ": output "
                                    + d.outputs().attention()
                                    + " should be attention (B, H, T', T') with T' = "
                                    + logProbs.length
                                    + " steps, got "
                                    + s
                                    + "; fix outputs.attention in model.json"
                                    + " (-1 when the network gives no attention)");
                }
                attention = rows(a.get(0).mean(new int[] {0})); // (T', T')
            }
        }
        List<SpeechToken> tokens = decoder.decode(logProbs, attention);
        return new Transcript(
                tokens,
                features.length,
                logProbs.length,
                d.stepSeconds(),
                (System.nanoTime() - start) / 1e9);
    }

    private NDList forward(NDArray x) {
        try {
            return network.model().getBlock().forward(store, new NDList(x), false);
        } catch (RuntimeException e) {
            throw new HeedModelException(
                    "speech model "
                            + d.name()
                            + " ("
                            + d.format()
                            + ") failed on features of shape (B, T, M) = "
                            + x.getShape()
                            + ": "
                            + EngineErrors.summary(e)
                            + "; the network must take one float32 input (B, T, M)",
                    e);
        }
    }

    /** A 2-D array as rows. */
    private static float[][] rows(NDArray a) {
        Shape s = a.getShape();
        float[] flat = a.toFloatArray();
        int r = (int) s.get(0);
        int c = (int) s.get(1);
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }
}
