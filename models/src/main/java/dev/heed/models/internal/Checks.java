package dev.heed.models.internal;

import dev.heed.models.HeedModelException;

/** Argument checks whose failures are {@link HeedModelException}s carrying the bad value. */
final class Checks {

  private Checks() {}

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new HeedModelException(message);
    }
  }
}
