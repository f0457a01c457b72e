package dev.heed.models.speech;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The greedy CTC transcript of a span of features.
 *
 * @param tokens recognised tokens in order
 * @param frames feature frames given
 * @param steps the model's output steps for them
 * @param stepSeconds seconds between output steps
 * @param seconds model time spent, for real-time factors
 */
public record Transcript(
        List<SpeechToken> tokens, int frames, int steps, double stepSeconds, double seconds) {

    public Transcript {
        tokens = List.copyOf(tokens);
    }

    /** The tokens' texts joined by spaces. */
    public String text() {
        return tokens.stream().map(SpeechToken::text).collect(Collectors.joining(" "));
    }
}
