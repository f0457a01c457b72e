package dev.heed.streams.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** What every JSON record Heed writes shares: the generator factory and the rounding of times. */
public final class JsonOut {
    /**
     * Floats and doubles are written with Jackson's Schubfach writer: the shortest decimal that
     * reads back to the same value, as {@code Float.toString} should (JDK 19+); JDK 17's took ~10%
     * of a stream thread writing the window values and attention weights of each prediction.
     */
    public static final JsonFactory JSON =
            JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private JsonOut() {}

    /** {@code v} rounded to three decimals (milliseconds to microseconds). */
    public static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
