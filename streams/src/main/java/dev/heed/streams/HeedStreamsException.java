package dev.heed.streams;

/** Root of the unchecked exceptions of the streams module. */
public class HeedStreamsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HeedStreamsException(String message) {
        super(message);
    }

    public HeedStreamsException(String message, Throwable cause) {
        super(message, cause);
    }
}
