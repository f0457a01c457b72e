package dev.heed.eval.nab;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** NAB's timestamps: {@code 2013-12-02 21:15:00} in data, {@code ...:00.000000} in labels. */
final class NabTime {
    private static final DateTimeFormatter PARSE =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter PRINT =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .toFormatter();

    private NabTime() {}

    /** The timestamp, or empty when {@code text} is not one. */
    static Optional<LocalDateTime> parse(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), PARSE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** As NAB's data files write it: {@code 2013-12-02 21:15:00}, fraction only when non-zero. */
    static String format(LocalDateTime t) {
        return PRINT.format(t);
    }
}
