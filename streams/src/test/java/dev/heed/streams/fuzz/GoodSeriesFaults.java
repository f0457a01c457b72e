package dev.heed.streams.fuzz;

import static dev.heed.streams.fuzz.HostileSensorRecords.T0;
import static dev.heed.streams.fuzz.HostileSensorRecords.hostile;
import static dev.heed.streams.fuzz.HostileSensorRecords.reading;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Readings of a good series that are rejected for that series' sake: late ones, and ones with other
 * variables than its first reading had. Used alone and as elements of a block.
 */
final class GoodSeriesFaults {
    private GoodSeriesFaults() {}

    static Arbitrary<Hostile> badVariables(Arbitrary<String> series) {
        return Combinators.combine(
                        series,
                        Arbitraries.of("{\"value\":1,\"rpm\":2}", "{\"rpm\":2}", "{\"VALUE\":1}"))
                .as(
                        (s, values) ->
                                hostile(
                                        "wrong_variables",
                                        s,
                                        "{\"series\":\""
                                                + s
                                                + "\",\"ts\":"
                                                + (T0 + 2)
                                                + ",\"values\":"
                                                + values
                                                + "}",
                                        "unknown_variable",
                                        "missing_variable"));
    }

    static Arbitrary<Hostile> late(Arbitrary<String> series) {
        return Combinators.combine(series, Arbitraries.longs().between(1, 86_400_000L))
                .as((s, back) -> hostile("late", s, reading(s, "" + (T0 - back), "1"), "late"));
    }
}
