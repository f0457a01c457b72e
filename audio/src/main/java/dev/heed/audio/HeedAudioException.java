package dev.heed.audio;

/** Root of the unchecked exceptions of the audio module. */
public class HeedAudioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HeedAudioException(String message) {
        super(message);
    }
}
