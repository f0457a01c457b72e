package dev.heed.models;

/** Root of the unchecked exceptions of the models module. */
public class HeedModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HeedModelException(String message) {
        super(message);
    }

    public HeedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
