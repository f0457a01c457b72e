package dev.heed.streams.sensors.internal;

import java.nio.charset.StandardCharsets;

/**
 * The most bytes a series' prediction or anomaly record can take, from its shape alone, so that a
 * series whose records would not fit under {@code output.max.bytes} is refused at its first reading
 * rather than failing at the producer.
 */
final class OutputSize {
    /** A float as Jackson writes it, at its longest ({@code -1.23456789E-10}), and a comma. */
    private static final int NUMBER = 17;

    /** An ISO-8601 instant in quotes, a comma, and its {@code ts_ms} twin with its field name. */
    private static final int INSTANT = 60;

    /** Everything that does not grow with the shape: field names, model, scores. */
    private static final int FIXED = 4096;

    private OutputSize() {}

    /**
     * @param series the series name (the record key and {@code series} field)
     * @param names the variables
     * @param steps the window's steps
     * @param horizon the model's forecast steps
     * @param topK {@code attention.top.k}
     * @return an upper bound on the bytes of the larger of the two records
     */
    static long worstCase(String series, String[] names, int steps, int horizon, int topK) {
        long name = 0;
        for (String n : names) {
            name += escaped(n) + 4; // quotes, colon, comma
        }
        // the anomaly record: observed, expected, broken_by (up to horizon steps, observed and
        // expected each), window values, top steps; the prediction has fewer of each
        long perName = 2 + 2L * horizon + 1 + topK + 1;
        long numbers = (long) names.length * (steps + 3L * horizon + topK + 2);
        long perStep = (long) steps * (INSTANT + 2 * NUMBER + 8);
        return FIXED
                + 2L * escaped(series)
                + name * perName
                + numbers * NUMBER
                + perStep
                + (horizon + topK) * (long) INSTANT;
    }

    /** Bytes of the string in JSON at worst: a control character becomes six. */
    private static long escaped(String s) {
        long n = 0;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            n += (b >= 0 && b < 0x20) || b == '"' || b == '\\' ? 6 : 1;
        }
        return n;
    }
}
