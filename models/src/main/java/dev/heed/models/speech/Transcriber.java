package dev.heed.models.speech;

import dev.heed.models.HeedModelException;

/**
 * Turns log-mel features into a {@link Transcript}. Obtain one per thread from {@link
 * SpeechModel#newTranscriber()}; not thread-safe.
 */
@FunctionalInterface
public interface Transcriber {

    /**
     * Transcribes one utterance of a stream.
     *
     * @param features {@code (T, M)} log-mel frames as the descriptor's {@code features} describe,
     *     not yet normalised; fewer than {@link SpeechModel#minFrames()} frames give an empty
     *     transcript
     * @param history what the stream's earlier utterances left ({@link #remember}); {@link
     *     StreamMean#NONE} for the first, and ignored by a model without {@code stream_mean}
     * @throws HeedModelException if a frame has the wrong number of mels or the network fails
     */
    Transcript transcribe(float[][] features, StreamMean history);

    /** Transcribes one utterance heard on its own (the first of its stream). */
    default Transcript transcribe(float[][] features) {
        return transcribe(features, StreamMean.NONE);
    }

    /**
     * {@code history} with a finished utterance's frames {@code (T, M)} added, for the stream's
     * next utterances; {@code history} itself for a model without {@code stream_mean}.
     */
    default StreamMean remember(StreamMean history, float[][] features) {
        return history;
    }
}
