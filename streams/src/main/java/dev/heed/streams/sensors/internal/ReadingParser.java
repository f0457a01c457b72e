package dev.heed.streams.sensors.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.heed.streams.internal.Reason;
import dev.heed.streams.internal.Rejection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses {@code {"series": "pump-7", "ts": <epoch ms | ISO-8601>, "values": {"temp": 71.2}}} (or
 * {@code "value": x} for one variable named {@code value}) with Jackson's streaming parser. Unknown
 * top-level fields are ignored. Every problem becomes a {@link Rejection} naming the value.
 */
final class ReadingParser {
    /** 2000-01-01T00:00:00Z: earlier event times are taken as a unit mistake (seconds for ms). */
    static final long MIN_TS = 946_684_800_000L;

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();

    private final int maxBytes;
    private final long maxFutureMs;

    ReadingParser(int maxBytes, long maxFutureMs) {
        this.maxBytes = maxBytes;
        this.maxFutureMs = maxFutureMs;
    }

    /**
     * One reading of a record's value, or why it was rejected.
     *
     * @param reading the reading, null when rejected
     * @param rejection why the element was rejected, null when read
     * @param index its position in the record's array; -1 for a record of one object
     * @param bytes the element's own JSON (for its dead letter); null for a record of one object
     */
    record Item(Reading reading, Rejection rejection, int index, byte[] bytes) {}

    /**
     * Reads a record: one reading object, or an array of them (a block of readings, as high-rate
     * sensors send them). Every element of an array is read on its own, exactly as a record of one
     * object, so one bad element rejects only itself.
     *
     * @throws Rejection when the record as a whole is unusable (empty, oversize, not JSON, an empty
     *     array, or a record of one object that is rejected)
     */
    List<Item> parseRecord(byte[] key, byte[] value, long nowMs) throws Rejection {
        if (!isArray(value) || value.length > maxBytes) {
            return List.of(new Item(parse(key, value, nowMs), null, -1, null));
        }
        List<Item> items = new ArrayList<>();
        for (int[] range : elements(value)) {
            byte[] bytes = Arrays.copyOfRange(value, range[0], range[1]);
            int index = items.size();
            try {
                items.add(new Item(parse(key, bytes, nowMs), null, index, bytes));
            } catch (Rejection e) {
                items.add(
                        new Item(
                                null,
                                new Rejection(e.reason(), inBlock(index, e.getMessage())),
                                index,
                                bytes));
            }
        }
        if (items.isEmpty()) {
            throw new Rejection(
                    Reason.MISSING_FIELD,
                    "empty array: send one reading object, or an array of at least one");
        }
        return items;
    }

    /** A rejection message of element {@code index} of a block: says which element it was. */
    static String inBlock(int index, String message) {
        return index < 0 ? message : "reading " + index + " of the record's array: " + message;
    }

    private static Rejection malformed(IOException e, byte[] value) {
        if (e instanceof JsonParseException p
                && p.getOriginalMessage() != null
                && p.getOriginalMessage().startsWith("Duplicate field")) {
            return new Rejection(
                    Reason.DUPLICATE_KEY,
                    p.getOriginalMessage()
                            + " in "
                            + preview(value)
                            + ": send each field once (which one counts would be a guess)");
        }
        return e instanceof JsonParseException p
                ? new Rejection(
                        Reason.MALFORMED_JSON,
                        "malformed JSON: " + p.getOriginalMessage() + " in " + preview(value))
                : new Rejection(Reason.MALFORMED_JSON, "unreadable JSON: " + e.getMessage());
    }

    /** Whether the value's first non-blank byte opens a JSON array. */
    private static boolean isArray(byte[] value) {
        int first = 0;
        while (value != null && first < value.length && Character.isWhitespace(value[first])) {
            first++;
        }
        return value != null && first < value.length && value[first] == '[';
    }

    /** The byte ranges of the elements of a JSON array. */
    private static List<int[]> elements(byte[] value) throws Rejection {
        List<int[]> ranges = new ArrayList<>();
        try (JsonParser p = JSON.createParser(value)) {
            p.nextToken(); // START_ARRAY
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new Rejection(
                            Reason.MALFORMED_JSON, "unterminated array in " + preview(value));
                }
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                ranges.add(new int[] {start, (int) p.currentLocation().getByteOffset()});
            }
            if (p.nextToken() != null) {
                throw new Rejection(Reason.MALFORMED_JSON, "trailing content after the JSON array");
            }
        } catch (IOException e) {
            throw malformed(e, value);
        }
        return ranges;
    }

    /**
     * @param key the record key (the series id when the value has none), may be null
     * @param nowMs wall-clock now, for the future-timestamp check
     */
    Reading parse(byte[] key, byte[] value, long nowMs) throws Rejection {
        if (value == null || value.length == 0) {
            throw new Rejection(Reason.EMPTY, "empty record value; send a JSON reading");
        }
        if (value.length > maxBytes) {
            throw new Rejection(
                    Reason.OVERSIZE,
                    "record of " + value.length + " bytes is over input.max.bytes=" + maxBytes);
        }
        String series = null;
        Object ts = null;
        Map<String, Double> values = new TreeMap<>();
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Rejection(
                        Reason.MALFORMED_JSON, "expected a JSON object, got " + preview(value));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "series":
                        if (t != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                            throw new Rejection(
                                    Reason.MISSING_FIELD,
                                    "series must be a non-empty string, got " + p.getText());
                        }
                        series = p.getText();
                        break;
                    case "ts":
                        ts = readTs(p, t);
                        break;
                    case "value":
                        values.put("value", number(p, t, "value"));
                        break;
                    case "values":
                        readValues(p, t, values);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Rejection(
                        Reason.MALFORMED_JSON, "trailing content after the JSON object");
            }
        } catch (IOException e) {
            throw malformed(e, value);
        }
        String keyText = key == null || key.length == 0 ? null : keyText(key);
        if (series == null) {
            series = keyText;
        }
        if (series == null) {
            throw new Rejection(
                    Reason.MISSING_FIELD, "no series: set \"series\" or the record key");
        }
        if (ts == null) {
            throw new Rejection(Reason.MISSING_FIELD, "no ts: add \"ts\" as epoch ms or ISO-8601");
        }
        if (values.isEmpty()) {
            throw new Rejection(
                    Reason.MISSING_FIELD,
                    "no values: add \"values\": {\"name\": number, ...} or \"value\": number");
        }
        long t = (Long) ts;
        if (t < MIN_TS || t > nowMs + maxFutureMs) {
            throw new Rejection(
                    Reason.ABSURD_TIMESTAMP,
                    "ts "
                            + t
                            + " ("
                            + safeInstant(t)
                            + ") is before 2000-01-01 or more than "
                            + "timestamp.max.future past now; send epoch milliseconds, not seconds");
        }
        if (keyText != null && !keyText.equals(series)) {
            throw new Rejection(
                    Reason.SERIES_KEY_MISMATCH,
                    "series '"
                            + abbreviate(series)
                            + "' is not the record key '"
                            + abbreviate(keyText)
                            + "': key each reading by its series (the key picks the partition"
                            + " that keeps the series' state), or leave \"series\" out");
        }
        String[] names = values.keySet().toArray(new String[0]);
        double[] v = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            v[i] = values.get(names[i]);
        }
        return new Reading(series, t, names, v);
    }

    private static Object readTs(JsonParser p, JsonToken t) throws IOException, Rejection {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() != JsonParser.NumberType.INT
                    && p.getNumberType() != JsonParser.NumberType.LONG) {
                throw new Rejection(
                        Reason.ABSURD_TIMESTAMP, "ts " + p.getText() + " is out of range");
            }
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return parseIso(p.getText());
        }
        throw new Rejection(
                Reason.BAD_TIMESTAMP,
                "ts must be epoch milliseconds or an ISO-8601 string, got " + p.getText());
    }

    /** ISO-8601 with offset, or local date-time (taken as UTC), with {@code T} or a space. */
    static long parseIso(String s) throws Rejection {
        String v = s.trim().replace(' ', 'T');
        try {
            try {
                return OffsetDateTime.parse(v).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e2) {
                    throw new Rejection(
                            Reason.BAD_TIMESTAMP,
                            "ts '"
                                    + s
                                    + "' is not ISO-8601 such as 2024-05-01T12:00:00Z or epoch ms");
                }
            }
        } catch (ArithmeticException e) {
            throw new Rejection(
                    Reason.ABSURD_TIMESTAMP,
                    "ts '"
                            + s
                            + "' is beyond the epoch-millisecond range; send a date between 2000 and now");
        }
    }

    private static void readValues(JsonParser p, JsonToken t, Map<String, Double> out)
            throws IOException, Rejection {
        if (t != JsonToken.START_OBJECT) {
            throw new Rejection(
                    Reason.MISSING_FIELD,
                    "values must be an object of numbers such as {\"temp\": 71.2}, got "
                            + p.getText());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (name.isBlank()) {
                throw new Rejection(Reason.MISSING_FIELD, "values has an empty variable name");
            }
            out.put(name, number(p, p.nextToken(), "values." + name));
        }
    }

    private static double number(JsonParser p, JsonToken t, String field)
            throws IOException, Rejection {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                throw new Rejection(Reason.NON_NUMERIC, field + " must be a number, got a " + t);
            }
            throw new Rejection(
                    Reason.NON_NUMERIC, field + " must be a number, got " + p.getText());
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) {
            throw new Rejection(
                    Reason.NON_FINITE,
                    field + " must be finite and within float range, got " + p.getText());
        }
        return d;
    }

    /** The record key as UTF-8 text; a key that is not is a {@link Reason#BAD_KEY}. */
    private static String keyText(byte[] key) throws Rejection {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(key.length, 16); i++) {
                hex.append(String.format("%02x", key[i] & 0xff));
            }
            throw new Rejection(
                    Reason.BAD_KEY,
                    "the record key is not UTF-8 text (bytes "
                            + hex
                            + (key.length > 16 ? "..." : "")
                            + "); key each reading by its series name as UTF-8");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    private static String safeInstant(long t) {
        try {
            return Instant.ofEpochMilli(t).toString();
        } catch (RuntimeException e) {
            return "out of range";
        }
    }

    static String preview(byte[] value) {
        String s = new String(value, 0, Math.min(value.length, 80), StandardCharsets.UTF_8);
        return "'" + s.replaceAll("\\p{Cntrl}", "?") + (value.length > 80 ? "...'" : "'");
    }
}
