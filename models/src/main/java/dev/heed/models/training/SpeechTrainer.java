package dev.heed.models.training;

import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains Heed's conv-transformer CTC speech model in Java (DJL, PyTorch engine) and writes a model
 * directory that {@link SpeechModel#load} reads.
 */
public final class SpeechTrainer {

    private SpeechTrainer() {}

    /**
     * @param examples training batches, drawn {@code steps} times (plus a few for the statistics of
     *     the per-mel normalisation)
     * @param validation held-out utterances ({@link SpeechBatch}es of one or more), scored by
     *     greedy token error rate every {@code evalEvery} steps; the best parameters are kept
     * @param progress receives one line per evaluation
     * @return the descriptor written
     */
    public static SpeechDescriptor train(
            SpeechTrainingOptions options,
            SpeechExamples examples,
            List<SpeechBatch> validation,
            Consumer<String> progress)
            throws IOException {
        return SpeechTraining.run(options, examples, validation, progress);
    }
}
