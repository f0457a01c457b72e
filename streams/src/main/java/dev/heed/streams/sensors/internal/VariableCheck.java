package dev.heed.streams.sensors.internal;

import dev.heed.streams.internal.Reason;
import dev.heed.streams.internal.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Maps a reading's values onto a series' variables, rejecting unknown or missing ones. */
final class VariableCheck {
    private VariableCheck() {}

    /**
     * @param expected the series' variables in model order, or null to accept the reading's own
     * @return values in the order of {@code expected} (or the reading's order)
     */
    static double[] align(String[] expected, Reading r) throws Rejection {
        if (expected == null || Arrays.equals(expected, r.names())) {
            return r.values();
        }
        double[] out = new double[expected.length];
        List<String> unknown = new ArrayList<>();
        boolean[] seen = new boolean[expected.length];
        for (int i = 0; i < r.names().length; i++) {
            int at = indexOf(expected, r.names()[i]);
            if (at < 0) {
                unknown.add(r.names()[i]);
            } else {
                out[at] = r.values()[i];
                seen[at] = true;
            }
        }
        if (!unknown.isEmpty()) {
            throw new Rejection(
                    Reason.UNKNOWN_VARIABLE,
                    "unknown variable(s) "
                            + unknown
                            + " for series '"
                            + r.series()
                            + "'; expected "
                            + Arrays.toString(expected));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            if (!seen[i]) {
                missing.add(expected[i]);
            }
        }
        if (missing.isEmpty()) {
            return out; // the same variables in another order (the parser hands them sorted by
            // name)
        }
        throw new Rejection(
                Reason.MISSING_VARIABLE,
                "missing variable(s) "
                        + missing
                        + " for series '"
                        + r.series()
                        + "'; every reading "
                        + "must carry all of "
                        + Arrays.toString(expected));
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }
}
