package dev.heed.streams.fuzz;

import static dev.heed.streams.Fixtures.utf8;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile records for the sensor topic ({@code topic.sensors}): truncated and
 * invalid JSON, huge numbers, deep nesting, enormous strings, wrong types, binary junk, records
 * without a series, late and unknown-variable readings of good series, and wrong headers on top.
 * Each is built to be rejected, with its possible reasons. The audio topic gets its own class
 * beside this one, producing the same {@link Hostile} records.
 */
public final class HostileSensorRecords {
    /** An event time of the good series' first reading: 2024-01-01T00:00:00Z. */
    public static final long T0 = 1_704_067_200_000L;

    /** Heed takes event times before 2000-01-01 as absurd (seconds sent as milliseconds). */
    private static final long YEAR_2000 = 946_684_800_000L;

    private final int maxBytes;
    private final List<String> goodSeries;

    /**
     * @param maxBytes the topology's {@code input.max.bytes}
     * @param goodSeries series that have had a reading at {@link #T0} or later before any of these
     */
    public HostileSensorRecords(int maxBytes, List<String> goodSeries) {
        this.maxBytes = maxBytes;
        this.goodSeries = goodSeries;
    }

    public Arbitrary<Hostile> records() {
        Arbitrary<Hostile> body =
                Arbitraries.frequencyOf(
                        Tuple.of(12, truncated()),
                        Tuple.of(8, punctuation()),
                        Tuple.of(8, hugeNumbers()),
                        Tuple.of(6, deepNesting()),
                        Tuple.of(3, enormousStrings()),
                        Tuple.of(14, wrongTypes()),
                        Tuple.of(10, binaryJunk()),
                        Tuple.of(5, noSeries()),
                        Tuple.of(5, badVariables()),
                        Tuple.of(5, late()),
                        Tuple.of(5, blocks()),
                        Tuple.of(1, oversize()),
                        Tuple.of(
                                1,
                                Arbitraries.just(
                                        new Hostile(
                                                "empty",
                                                null,
                                                new byte[0],
                                                List.of(),
                                                Set.of("empty")))));
        return Combinators.combine(
                        body, Arbitraries.integers().between(0, 3), HostileBytes.headers())
                .as((h, coin, headers) -> coin == 0 ? h.withHeaders(headers) : h);
    }

    /** A good reading cut short: every proper prefix of a JSON object is invalid. */
    private Arbitrary<Hostile> truncated() {
        return Combinators.combine(
                        Arbitraries.of(goodSeries),
                        Arbitraries.doubles().between(-1e6, 1e6),
                        Arbitraries.doubles().between(0, 1))
                .as(
                        (s, v, cut) -> {
                            String json = reading(s, "" + (T0 + 1), "" + v);
                            String prefix =
                                    json.substring(0, 1 + (int) (cut * (json.length() - 2)));
                            return hostile("truncated", s, prefix, "malformed_json");
                        });
    }

    /** JSON-ish punctuation soup, never a reading with a series, a ts and a value. */
    private Arbitrary<Hostile> punctuation() {
        return Arbitraries.strings()
                .withChars("{}[]\":,0123456789.eE-+ntrufalsNI\\ \t\n")
                .ofMinLength(1)
                .ofMaxLength(200)
                .map(
                        s ->
                                hostile(
                                        "invalid_json",
                                        "k",
                                        s,
                                        "malformed_json",
                                        "missing_field",
                                        "non_numeric",
                                        "non_finite",
                                        "bad_timestamp",
                                        "absurd_timestamp"));
    }

    private Arbitrary<Hostile> hugeNumbers() {
        Arbitrary<Integer> digits = Arbitraries.integers().between(40, 1500);
        return Arbitraries.oneOf(
                digits.map(
                        n ->
                                hostile(
                                        "huge_value",
                                        "k",
                                        reading("k", "" + (T0 + 1), "9".repeat(n)),
                                        "non_finite",
                                        "malformed_json")),
                digits.map(
                        n ->
                                hostile(
                                        "huge_ts",
                                        "k",
                                        reading("k", "1" + "0".repeat(n - 20), "1"),
                                        "absurd_timestamp",
                                        "malformed_json")),
                Arbitraries.integers()
                        .between(309, 100_000)
                        .map(
                                e ->
                                        hostile(
                                                "huge_exponent",
                                                "k",
                                                reading(
                                                        "k",
                                                        "" + (T0 + 1),
                                                        (e % 2 == 0 ? "-" : "") + "1e" + e),
                                                "non_finite")),
                Arbitraries.longs()
                        .between(Long.MIN_VALUE, YEAR_2000 - 1)
                        .map(
                                t ->
                                        hostile(
                                                "ancient_ts",
                                                "k",
                                                reading("k", "" + t, "1"),
                                                "absurd_timestamp")),
                Arbitraries.integers()
                        .between(300_000_000, 999_999_999)
                        .map(
                                y ->
                                        hostile(
                                                "far_year",
                                                "k",
                                                reading("k", "\"+" + y + "-01-01T00:00:00Z\"", "1"),
                                                "absurd_timestamp")));
    }

    private Arbitrary<Hostile> deepNesting() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 20_000), Arbitraries.of('[', '{'))
                .as(
                        (depth, open) -> {
                            String nest =
                                    open == '['
                                            ? "[".repeat(depth) + "]".repeat(depth)
                                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                            boolean inValue = depth % 2 == 0;
                            String json =
                                    inValue
                                            ? reading("k", "" + (T0 + 1), nest)
                                            : "{\"series\":\"k\",\"extra\":"
                                                    + nest
                                                    + ",\"value\":1}";
                            return json.length() > maxBytes
                                    ? hostile("deep_nesting", "k", json, "oversize")
                                    : hostile(
                                            "deep_nesting",
                                            "k",
                                            json,
                                            "malformed_json",
                                            inValue ? "non_numeric" : "missing_field");
                        });
    }

    private Arbitrary<Hostile> enormousStrings() {
        return Combinators.combine(
                        Arbitraries.integers().between(1_000, maxBytes + 10_000),
                        Arbitraries.of("value", "ts", "series"),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(7))
                .as(
                        (n, field, seed) -> {
                            String big = seed.repeat(n / seed.length() + 1).substring(0, n);
                            String json =
                                    switch (field) {
                                        case "value" ->
                                                reading("k", "" + (T0 + 1), "\"" + big + "\"");
                                        case "ts" -> reading("k", "\"" + big + "\"", "1");
                                        default -> "{\"series\":\"" + big + "\",\"value\":1}";
                                    };
                            String reason =
                                    switch (field) {
                                        case "value" -> "non_numeric";
                                        case "ts" -> "bad_timestamp";
                                        default -> "missing_field";
                                    };
                            return json.length() > maxBytes
                                    ? hostile("enormous_string", "k", json, "oversize")
                                    : hostile("enormous_string", "k", json, reason);
                        });
    }

    /** A field of the wrong JSON type: each has exactly one answer. */
    private Arbitrary<Hostile> wrongTypes() {
        Arbitrary<String> notNumber =
                Arbitraries.of(
                        "true",
                        "false",
                        "null",
                        "[]",
                        "[1,2]",
                        "{}",
                        "{\"x\":1}",
                        "\"12\"",
                        "\"\"");
        Arbitrary<String> notTs =
                Arbitraries.of(
                        "true",
                        "null",
                        "[]",
                        "{\"ms\":1}",
                        "1.5e12",
                        "\"yesterday\"",
                        "\"\"",
                        "\"2024-13-45T99:00:00Z\"");
        Arbitrary<String> notSeries =
                Arbitraries.of("12", "true", "null", "[\"a\"]", "{}", "\"\"", "\"   \"");
        Arbitrary<String> notValues = Arbitraries.of("12", "\"temp\"", "[1,2]", "true", "null");
        long ts = T0 + 1;
        return Arbitraries.oneOf(
                notNumber.map(
                        v ->
                                hostile(
                                        "wrong_type_value",
                                        "k",
                                        reading("k", "" + ts, v),
                                        "non_numeric")),
                notNumber.map(
                        v ->
                                hostile(
                                        "wrong_type_values_entry",
                                        "k",
                                        "{\"series\":\"k\",\"ts\":"
                                                + ts
                                                + ",\"values\":{\"value\":"
                                                + v
                                                + "}}",
                                        "non_numeric")),
                notTs.map(
                        v -> hostile("wrong_type_ts", "k", reading("k", v, "1"), "bad_timestamp")),
                notSeries.map(
                        v ->
                                hostile(
                                        "wrong_type_series",
                                        "k",
                                        "{\"series\":" + v + ",\"ts\":" + ts + ",\"value\":1}",
                                        "missing_field")),
                notValues.map(
                        v ->
                                hostile(
                                        "wrong_type_values",
                                        "k",
                                        "{\"series\":\"k\",\"ts\":" + ts + ",\"values\":" + v + "}",
                                        "missing_field")));
    }

    /** Random bytes that do not start like a JSON object (no '{', no whitespace first). */
    private Arbitrary<Hostile> binaryJunk() {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(1)
                .ofMaxSize(2048)
                .filter(
                        b ->
                                b[0] != '{'
                                        && b[0] != ' '
                                        && b[0] != '\t'
                                        && b[0] != '\n'
                                        && b[0] != '\r'
                                        && b[0] != 0
                                        && (b[0] & 0xFF) != 0xEF
                                        && (b[0] & 0xFF) != 0xFE
                                        && (b[0] & 0xFF) != 0xFF)
                .map(
                        b ->
                                new Hostile(
                                        "binary_junk",
                                        new byte[] {(byte) 0xC3, 0x28},
                                        b,
                                        List.of(),
                                        Set.of("malformed_json")));
    }

    /** A reading with neither a series field nor a record key. */
    private Arbitrary<Hostile> noSeries() {
        return Arbitraries.of(new byte[0], null)
                .map(
                        key ->
                                new Hostile(
                                        "no_series",
                                        key,
                                        utf8("{\"ts\":" + (T0 + 1) + ",\"value\":1}"),
                                        List.of(),
                                        Set.of("missing_field")));
    }

    /** A good series' reading with other variables than its first reading had. */
    private Arbitrary<Hostile> badVariables() {
        return GoodSeriesFaults.badVariables(Arbitraries.of(goodSeries));
    }

    /** A good series' reading from before its first reading. */
    private Arbitrary<Hostile> late() {
        return GoodSeriesFaults.late(Arbitraries.of(goodSeries));
    }

    /**
     * A block (a JSON array of readings) whose every element is rejected alone: each element goes
     * to the dead-letter topic on its own, or the whole block when it is over the size limit. A
     * block holds one series' readings under that series' key, as the README asks (the key picks
     * the partition that keeps the series' state): wrong types, huge numbers and deep nesting of
     * series {@code k}, or late and wrong-variable readings of one good series.
     */
    private Arbitrary<Hostile> blocks() {
        Arbitrary<Tuple.Tuple2<String, List<Hostile>>> ofK =
                Arbitraries.oneOf(wrongTypes(), hugeNumbers(), deepNesting())
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(6)
                        .map(elements -> Tuple.of("k", elements));
        Arbitrary<Tuple.Tuple2<String, List<Hostile>>> ofGood =
                Arbitraries.of(goodSeries)
                        .flatMap(
                                series ->
                                        Arbitraries.oneOf(
                                                        GoodSeriesFaults.late(
                                                                Arbitraries.just(series)),
                                                        GoodSeriesFaults.badVariables(
                                                                Arbitraries.just(series)))
                                                .list()
                                                .ofMinSize(1)
                                                .ofMaxSize(6)
                                                .map(elements -> Tuple.of(series, elements)));
        return Combinators.combine(
                        Arbitraries.oneOf(ofK, ofGood),
                        Arbitraries.of(",", ", ", " ,\n  "),
                        Arbitraries.of("", " ", "\n"))
                .as(
                        (block, separator, pad) -> {
                            Set<String> reasons = new HashSet<>(Set.of("oversize"));
                            block.get2().forEach(e -> reasons.addAll(e.reasons()));
                            String json =
                                    block.get2().stream()
                                            .map(e -> new String(e.value(), StandardCharsets.UTF_8))
                                            .collect(
                                                    Collectors.joining(
                                                            separator,
                                                            pad + "[" + pad,
                                                            pad + "]" + pad));
                            return new Hostile(
                                    "block", utf8(block.get1()), utf8(json), List.of(), reasons);
                        });
    }

    private Arbitrary<Hostile> oversize() {
        return Arbitraries.integers()
                .between(maxBytes + 1, maxBytes + 4096)
                .map(
                        n ->
                                hostile(
                                        "oversize",
                                        "k",
                                        reading("k", "" + (T0 + 1), "1") + " ".repeat(n),
                                        "oversize"));
    }

    public static String reading(String series, String ts, String value) {
        return "{\"series\":\"" + series + "\",\"ts\":" + ts + ",\"value\":" + value + "}";
    }

    static Hostile hostile(String kind, String key, String value, String... reasons) {
        return new Hostile(kind, utf8(key), utf8(value), List.of(), Set.of(reasons));
    }
}
