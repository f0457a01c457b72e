package dev.heed.eval.speech;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A recogniser as an evaluation calls it: one utterance of a speaker to the words heard. A
 * recogniser that learns a stream (a {@code stream_mean} model) keeps one stream per speaker, each
 * heard in the order the calls come.
 */
@FunctionalInterface
public interface Recognize {

    /**
     * @param speaker who speaks, as the recordings name them; null when unknown
     * @param samples mono samples at the model's rate
     */
    String words(String speaker, float[] samples);

    /**
     * Whether what it hears depends on the speaker's earlier utterances; the evaluation then
     * shuffles the isolated recordings (a stream hears varied words, not one digit fifty times).
     */
    default boolean learnsStreams() {
        return false;
    }

    /**
     * This recogniser hearing every utterance changed by {@code change} first (noise mixed in), and
     * learning streams as it does.
     */
    default Recognize hearing(UnaryOperator<float[]> change) {
        Recognize self = this;
        return new Recognize() {
            @Override
            public String words(String speaker, float[] samples) {
                return self.words(speaker, change.apply(samples));
            }

            @Override
            public boolean learnsStreams() {
                return self.learnsStreams();
            }
        };
    }

    /** A recogniser that does not care who speaks. */
    static Recognize anyone(Function<float[], String> recognizer) {
        return (speaker, samples) -> recognizer.apply(samples);
    }
}
