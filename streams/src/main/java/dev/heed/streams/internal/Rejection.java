package dev.heed.streams.internal;

/** A record that cannot be used, with the reason and a message that names the bad value. */
public final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public Rejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A value for a message: its first 80 characters, and how long it was when longer. */
    public static String clip(String value) {
        return value.length() <= 80
                ? value
                : value.substring(0, 80) + "... (" + value.length() + " characters)";
    }

    public Reason reason() {
        return reason;
    }
}
