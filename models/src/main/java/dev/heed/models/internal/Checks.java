package dev.heed.models.internal;

import dev.heed.models.HeedModelException;

/** Argument checks whose failures are {@link HeedModelException}s carrying the bad value. */
public final class Checks {

    private Checks() {}

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new HeedModelException(message);
        }
    }
}
