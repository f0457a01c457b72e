package dev.heed.streams;

/** A configuration value that Heed cannot use; the message names the key, the value and the fix. */
public class ConfigException extends HeedStreamsException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
