package dev.heed.streams.internal;

import java.util.Locale;

/** Why a record went to the dead-letter topic; the wire name is in the {@code heed.dlq.reason} header. */
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
  MODEL_ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
