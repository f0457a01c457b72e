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
