package dev.heed.models.speech;

import dev.heed.models.HeedModelException;

/**
 * Turns log-mel features into a {@link Transcript}. Obtain one per thread from {@link
 * SpeechModel#newTranscriber()}; not thread-safe.
 */
public interface Transcriber {

    /**
     * Transcribes one utterance.
     *
     * @param features {@code (T, M)} log-mel frames as the descriptor's {@code features} describe,
     *     not yet normalised; fewer than {@link SpeechModel#minFrames()} frames give an empty
     *     transcript
     * @throws HeedModelException if a frame has the wrong number of mels or the network fails
     */
    Transcript transcribe(float[][] features);
}
