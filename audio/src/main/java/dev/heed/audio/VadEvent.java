package dev.heed.audio;

/**
 * A change of the {@link EnergyVad}'s decision.
 *
 * @param kind speech started or ended
 * @param frame the decision frame where it happened: the first speech frame for {@link
 *     Kind#SPEECH_START}, the first frame after the last speech frame for {@link Kind#SPEECH_END}
 * @param seconds {@code frame} as seconds from the stream's start
 */
public record VadEvent(Kind kind, long frame, double seconds) {

    /** Which change. */
    public enum Kind {
        SPEECH_START,
        SPEECH_END
    }
}
