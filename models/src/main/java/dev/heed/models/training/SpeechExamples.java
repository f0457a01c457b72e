package dev.heed.models.training;

/** An endless source of training batches, such as augmented recordings joined into strings. */
public interface SpeechExamples {

    /** The next batch of {@code size} utterances. */
    SpeechBatch next(int size);
}
