package dev.heed.models.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.heed.models.speech.SpeechCtcBlock;
import dev.heed.models.speech.SpeechDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Greedy token error rate of the network in training on held-out batches (no dropout). */
final class NetworkScorer {

    private final SpeechCtcBlock block;
    private final Model model;
    private final SpeechDescriptor descriptor;

    NetworkScorer(SpeechCtcBlock block, Model model, SpeechDescriptor descriptor) {
        this.block = block;
        this.model = model;
        this.descriptor = descriptor;
    }

    /** Edit distance of the greedy outputs over the reference length, all batches together. */
    double tokenErrorRate(List<SpeechBatch> batches) {
        long errors = 0;
        long words = 0;
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        for (SpeechBatch batch : batches) {
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray x =
                        SpeechTraining.features(m, batch.features(), descriptor.normalization());
                NDList out = block.forward(store, new NDList(x), false); // [(B, T', V), attention]
                NDArray best = out.get(0).argMax(2); // (B, T')
                long[] ids = best.toLongArray();
                int steps = (int) best.getShape().get(1);
                for (int b = 0; b < batch.labels().length; b++) {
                    List<Integer> hyp = collapse(ids, b * steps, steps);
                    errors += dev.heed.models.speech.EditDistance.of(batch.labels()[b], hyp);
                    words += batch.labels()[b].length;
                }
            }
        }
        return errors / (double) Math.max(1, words);
    }

    private static List<Integer> collapse(long[] ids, int from, int steps) {
        List<Integer> out = new ArrayList<>();
        long prev = -1;
        for (int t = from; t < from + steps; t++) {
            if (ids[t] != prev && ids[t] != 0) {
                out.add((int) ids[t]);
            }
            prev = ids[t];
        }
        return out;
    }
}
