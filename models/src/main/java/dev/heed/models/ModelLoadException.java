package dev.heed.models;

/**
 * A model directory that cannot be loaded: missing, unreadable, or inconsistent with its
 * descriptor.
 */
public class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
