package dev.heed.eval.nab;

import java.util.SplittableRandom;

/**
 * The anomalies {@link SyntheticSeries} plants, one kind per family drawn from two: most stay
 * inside the range seen so far (a holiday, a stuck sensor, a burst of variance), some leave it (a
 * failure, a spike, a level shift).
 */
final class SyntheticAnomalies {
    private SyntheticAnomalies() {}

    /** Plants one anomaly of {@code family} in {@code v} from row {@code at}; returns its kind. */
    static String plant(String family, double[] v, int at, int step, SplittableRandom rnd) {
        int hour = Math.max(1, 60 / step);
        int day = 24 * hour;
        boolean first = rnd.nextBoolean();
        switch (family) {
            case "traffic" -> {
                if (first) {
                    scale(v, at, day, 0.5);
                    return "holiday";
                }
                scale(v, at, 3, 3);
                return "spike";
            }
            case "machine_temp" -> {
                if (first) {
                    hold(v, at, day / 2);
                    return "stuck";
                }
                for (int i = at; i < Math.min(v.length, at + day); i++) {
                    double f = (double) (i - at) / day;
                    v[i] = SyntheticSeries.round(v[i] - 20 * Math.sin(Math.PI * f), 3);
                }
                return "failure";
            }
            case "cpu" -> {
                if (first) {
                    for (int i = at; i < v.length; i++) {
                        v[i] = Math.min(100, v[i] + 25);
                    }
                    return "shift";
                }
                noise(v, at, day, 6, rnd);
                return "variance";
            }
            case "demand" -> {
                if (first) {
                    // a holiday: a weekday at half its level, without the rush hours
                    double sum = 0;
                    int end = Math.min(v.length, at + day);
                    for (int i = at; i < end; i++) {
                        sum += v[i];
                    }
                    double mean = sum / Math.max(1, end - at);
                    for (int i = at; i < end; i++) {
                        v[i] = Math.round(0.5 * (0.5 * mean + 0.5 * v[i]));
                    }
                    return "holiday";
                }
                scale(v, at, 4 * hour, 1.6);
                return "surge";
            }
            case "mentions" -> {
                if (first) {
                    // the feed goes quiet: a day of near-zero counts, inside the range
                    for (int i = at; i < Math.min(v.length, at + day); i++) {
                        v[i] = Math.floor(v[i] * 0.05);
                    }
                    return "silence";
                }
                scale(v, at, 6 * hour, 4);
                return "surge";
            }
            case "adexchange" -> {
                if (first) {
                    scale(v, at, 8, 2.5);
                    return "price_spike";
                }
                scale(v, at, 2 * day, 0.5);
                return "price_drop";
            }
            case "road" -> {
                if (first) {
                    // congestion at an unusual hour: slow traffic, inside the range of rush hours
                    for (int i = at; i < Math.min(v.length, at + 3 * hour); i++) {
                        v[i] = Math.round(v[i] * 0.45);
                    }
                    return "congestion";
                }
                hold(v, at, day / 2);
                return "stuck";
            }
            case "ambient" -> {
                double drop = rnd.nextDouble(3, 6);
                for (int i = at; i < Math.min(v.length, at + 2 * day); i++) {
                    v[i] = SyntheticSeries.round(v[i] - drop, 4);
                }
                return "drop";
            }
            default -> {
                scale(v, at, 6 * hour, 3);
                return "sustained";
            }
        }
    }

    /** A stuck sensor: the value at {@code at} repeated for {@code rows} rows. */
    private static void hold(double[] v, int at, int rows) {
        for (int i = at; i < Math.min(v.length, at + rows); i++) {
            v[i] = v[at];
        }
    }

    private static void scale(double[] v, int at, int rows, double f) {
        for (int i = at; i < Math.min(v.length, at + rows); i++) {
            v[i] = SyntheticSeries.round(v[i] * f, 3);
        }
    }

    private static void noise(double[] v, int at, int rows, double sd, SplittableRandom rnd) {
        for (int i = at; i < Math.min(v.length, at + rows); i++) {
            v[i] =
                    SyntheticSeries.round(
                            Math.max(0, Math.min(100, v[i] + sd * rnd.nextGaussian())), 3);
        }
    }
}
