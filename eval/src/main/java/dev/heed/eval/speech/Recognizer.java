package dev.heed.eval.speech;

/**
 * A recogniser that {@code heed eval speech --compare NAME} runs beside Heed's model on the same
 * audio. Implementations come from other modules through {@link java.util.ServiceLoader}, so that
 * their dependencies (such as Vosk) stay out of Heed's runtime.
 */
public interface Recognizer extends AutoCloseable {

    /** The name {@code --compare} selects, such as {@code vosk}. */
    String name();

    /** A human description: engine, model, version. */
    String description();

    /**
     * Recognises one utterance.
     *
     * @param samples mono samples at {@code sampleRate}
     * @return the words, lower case, separated by spaces
     */
    String recognize(float[] samples, int sampleRate);

    @Override
    void close();
}
