package dev.heed.streams.internal;

/** A record that cannot be used, with the reason and a message that names the bad value. */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;
  private final Reason reason;

  Rejection(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
