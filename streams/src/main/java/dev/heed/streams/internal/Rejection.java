package dev.heed.streams.internal;

/** A record that cannot be used, with the reason and a message that names the bad value. */
public final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public Rejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
