package dev.heed.streams.internal;

import java.util.Locale;

/**
 * Why a record went to the dead-letter topic; the wire name is in the {@code heed.dlq.reason}
 * header.
 */
public enum Reason {
    EMPTY,
    OVERSIZE,
    MALFORMED_JSON,
    MISSING_FIELD,
    NON_NUMERIC,
    NON_FINITE,
    UNKNOWN_VARIABLE,
    MISSING_VARIABLE,
    BAD_TIMESTAMP,
    ABSURD_TIMESTAMP,
    LATE,
    MODEL_ERROR,
    /** A field twice in one JSON object ({@code series}, {@code ts}, a variable, ...). */
    DUPLICATE_KEY,
    /** A record key that is not UTF-8 text. */
    BAD_KEY,
    /** A reading whose {@code series} names another series than its record key. */
    SERIES_KEY_MISMATCH,
    /**
     * A block of readings with more bad elements than {@code input.max.dead.letters}: dead-lettered
     * once, whole, instead of once per bad element.
     */
    TOO_MANY_BAD_READINGS,
    /**
     * A new series whose predictions or anomalies would be over {@code output.max.bytes} (too many
     * variables, or names too long): refused at its first reading.
     */
    TOO_MANY_VARIABLES,
    /**
     * A record Heed made that came out over {@code output.max.bytes} after all: its window, cut to
     * fit, instead of a record the broker would refuse.
     */
    OUTPUT_TOO_LARGE,
    /**
     * A record that made a processor throw (a bug, a store failure, the speech model): skipped with
     * its exception, so the thread goes on instead of failing on it again and again.
     */
    PROCESSING_ERROR,
    /** A record the producer refused for good (not a retriable error). */
    PRODUCTION_ERROR,
    /** Audio: a header is missing or unreadable (sample rate, channels, sequence number). */
    BAD_HEADER,
    /** Audio: an encoding other than {@code pcm_s16le}. */
    UNSUPPORTED_ENCODING,
    /** Audio: a byte count that is not a whole number of samples. */
    ODD_BYTE_COUNT,
    /** Audio: a sequence number already processed for the stream. */
    SEQUENCE_REPEAT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
