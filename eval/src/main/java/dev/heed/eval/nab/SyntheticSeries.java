package dev.heed.eval.nab;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Long synthetic series in the families of NAB's real data, for choosing detector settings on data
 * that is not NAB's: web traffic with daily and weekly cycles, a machine temperature that wanders,
 * CPU with batch jobs and heavy-tailed noise, half-hourly demand, hourly ambient temperature and
 * bursty latency; and, named on request, three of the kinds NAB has but {@code ../shared/data}
 * lacks: social-media mention counts (realTweets), hourly ad-exchange prices (realAdExchange) and
 * road speeds (realTraffic). Each family can plant anomalies of its kind, most of them inside the
 * range seen so far.
 */
final class SyntheticSeries {
    /** The families written by default, in file order. */
    static final List<String> FAMILIES =
            List.of("traffic", "machine_temp", "cpu", "demand", "ambient", "latency");

    /** Every family, the default ones first: a family's place here seeds its files. */
    static final List<String> ALL =
            Stream.concat(FAMILIES.stream(), Stream.of("mentions", "adexchange", "road")).toList();

    /**
     * One generated series.
     *
     * @param stepMinutes its sampling
     * @param values {@code [n]} its values
     * @param anomalies each planted anomaly's first row, increasing
     * @param kinds each planted anomaly's kind, in the same order
     */
    record Generated(
            int stepMinutes, double[] values, List<Integer> anomalies, List<String> kinds) {}

    private final SplittableRandom rnd;

    SyntheticSeries(long seed) {
        rnd = new SplittableRandom(seed);
    }

    /** The step in minutes and a length drawn for {@code family}. */
    private int[] shape(String family) {
        return switch (family) {
            case "traffic" -> new int[] {5, between(8000, 12000)};
            case "machine_temp" -> new int[] {5, between(15000, 22000)};
            case "cpu" -> new int[] {5, between(4000, 18000)};
            case "demand" -> new int[] {30, between(8000, 10500)};
            case "ambient" -> new int[] {60, between(5000, 7500)};
            case "latency" -> new int[] {5, between(4000, 6000)};
            case "mentions" -> new int[] {5, between(14000, 16000)};
            case "adexchange" -> new int[] {60, between(1500, 1700)};
            case "road" -> new int[] {5, between(2200, 2600)};
            default -> throw new IllegalArgumentException("unknown family " + family);
        };
    }

    /**
     * A series of {@code family} starting on a Monday at midnight (minute 0 = Monday 00:00), with
     * {@code anomalies} planted after NAB's probationary period (none when 0).
     */
    Generated generate(String family, int anomalies) {
        int[] s = shape(family);
        int step = s[0];
        int n = s[1];
        double[] v = new double[n];
        switch (family) {
            case "traffic" -> traffic(v, step);
            case "machine_temp" -> machine(v, step);
            case "cpu" -> cpu(v, step);
            case "demand" -> demand(v, step);
            case "ambient" -> ambient(v, step);
            case "mentions" -> mentions(v, step);
            case "adexchange" -> adexchange(v, step);
            case "road" -> road(v, step);
            default -> latency(v, step);
        }
        List<Integer> at = places(n, anomalies, step);
        List<String> kinds = new ArrayList<>();
        for (int a : at) {
            kinds.add(SyntheticAnomalies.plant(family, v, a, step, rnd));
        }
        return new Generated(step, v, at, kinds);
    }

    /** Anomaly starts: after the probation and a day, apart by at least a tenth of the file. */
    private List<Integer> places(int n, int count, int step) {
        List<Integer> at = new ArrayList<>();
        int day = 24 * 60 / step;
        int first = Math.min(n * 15 / 100, 750) + n / 20 + day;
        int room = (n - n / 20 - 2 * day - first) / Math.max(count, 1);
        for (int k = 0; k < count; k++) {
            at.add(first + k * room + between(0, Math.max(1, room - n / 10)));
        }
        return at;
    }

    private void traffic(double[] v, int step) {
        double base = between(50, 500);
        double trend = rnd.nextDouble(-0.2, 0.3);
        double weekend = rnd.nextDouble(0.55, 0.85);
        double noise = rnd.nextDouble(0.03, 0.1);
        double[] ph = {rnd.nextDouble(0, 6.3), rnd.nextDouble(0, 6.3)};
        for (int i = 0; i < v.length; i++) {
            double h = hours(i, step);
            double d =
                    0.3 * Math.sin(2 * Math.PI * h / 24 + ph[0])
                            + 0.1 * Math.sin(4 * Math.PI * h / 24 + ph[1]);
            double w = weekday(h) ? 1 : weekend;
            v[i] =
                    round(
                            base
                                    * (1 + trend * i / v.length)
                                    * (1 + d)
                                    * w
                                    * Math.exp(noise * rnd.nextGaussian()),
                            2);
        }
    }

    private void machine(double[] v, int step) {
        double mean = between(70, 95);
        double level = mean;
        double slow = rnd.nextDouble(0.02, 0.06);
        double noise = rnd.nextDouble(0.3, 1.2);
        for (int i = 0; i < v.length; i++) {
            level += 0.002 * (mean - level) + slow * rnd.nextGaussian();
            double h = hours(i, step);
            v[i] =
                    round(
                            level
                                    + 1.5 * Math.sin(2 * Math.PI * h / 24)
                                    + noise * rnd.nextGaussian(),
                            3);
        }
    }

    private void cpu(double[] v, int step) {
        double base = between(20, 50);
        double phi = rnd.nextDouble(0.8, 0.95);
        double sd = rnd.nextDouble(1.5, 4);
        int period = rnd.nextBoolean() ? 6 * 60 / step : 24 * 60 / step;
        int jobStart = between(0, period - 10);
        int jobLength = between(15, 45) / step + 1;
        double jobLoad = between(20, 40);
        double ar = 0;
        for (int i = 0; i < v.length; i++) {
            ar = phi * ar + sd * Math.sqrt(1 - phi * phi) * rnd.nextGaussian();
            double t3 = rnd.nextGaussian() / Math.sqrt(chi2(3) / 3);
            int inPeriod = i % period;
            double job = inPeriod >= jobStart && inPeriod < jobStart + jobLength ? jobLoad : 0;
            v[i] = round(Math.max(0, Math.min(100, base + ar + 0.8 * t3 + job)), 3);
        }
    }

    private void demand(double[] v, int step) {
        double base = between(5000, 20000);
        double weekend = rnd.nextDouble(0.7, 1.1);
        for (int i = 0; i < v.length; i++) {
            double h = hours(i, step) % 24;
            // quiet nights, morning and evening peaks
            double d =
                    0.25 + 0.6 * bump(h, 8.5, 1.5) + 0.9 * bump(h, 19, 2.5) + 0.5 * bump(h, 13, 3);
            double w = weekday(hours(i, step)) ? 1 : weekend;
            double mean = base * d * w;
            v[i] = Math.max(0, Math.round(mean + Math.sqrt(mean) * 2 * rnd.nextGaussian()));
        }
    }

    private void ambient(double[] v, int step) {
        double mean = rnd.nextDouble(65, 75);
        double season = rnd.nextDouble(2, 6);
        double daily = rnd.nextDouble(0.5, 2);
        double ar = 0;
        for (int i = 0; i < v.length; i++) {
            double h = hours(i, step);
            ar = 0.9 * ar + 0.4 * rnd.nextGaussian();
            v[i] =
                    round(
                            mean
                                    + season * Math.sin(2 * Math.PI * h / (24 * 365))
                                    + daily * Math.sin(2 * Math.PI * (h - 9) / 24)
                                    + ar,
                            4);
        }
    }

    private void latency(double[] v, int step) {
        double mu = rnd.nextDouble(3, 4.5);
        double sd = rnd.nextDouble(0.1, 0.3);
        int burst = 0;
        double factor = 1;
        for (int i = 0; i < v.length; i++) {
            if (burst == 0 && rnd.nextDouble() < step / (2.0 * 24 * 60)) {
                burst = between(3, 10);
                factor = rnd.nextDouble(1.5, 3);
            }
            double f = burst > 0 ? factor : 1;
            burst = Math.max(0, burst - 1);
            v[i] = round(Math.exp(mu + sd * rnd.nextGaussian()) * f, 3);
        }
    }

    /** Counts of mentions per 5 minutes: a daily cycle, Poisson noise, news bursts that decay. */
    private void mentions(double[] v, int step) {
        double base = rnd.nextDouble(2, 40);
        double amplitude = rnd.nextDouble(0.3, 0.7);
        double burst = 0;
        for (int i = 0; i < v.length; i++) {
            double h = hours(i, step);
            if (rnd.nextDouble() < step / (3.0 * 24 * 60)) {
                burst += base * rnd.nextDouble(1, 6);
            }
            burst *= Math.exp(-step / rnd.nextDouble(30, 120));
            double mean = base * (1 + amplitude * Math.sin(2 * Math.PI * (h - 10) / 24)) + burst;
            v[i] = poisson(Math.max(0.1, mean));
        }
    }

    /** An hourly ad price: a level that steps now and then, a daily cycle, multiplicative noise. */
    private void adexchange(double[] v, int step) {
        double level = rnd.nextDouble(0.2, 3);
        double daily = rnd.nextDouble(0.05, 0.3);
        double noise = rnd.nextDouble(0.05, 0.2);
        for (int i = 0; i < v.length; i++) {
            if (rnd.nextDouble() < step / (10.0 * 24 * 60)) {
                level *= Math.exp(rnd.nextDouble(-0.3, 0.3));
            }
            double h = hours(i, step);
            double d = 1 + daily * Math.sin(2 * Math.PI * (h - 14) / 24);
            v[i] = round(level * d * Math.exp(noise * rnd.nextGaussian()), 6);
        }
    }

    /** A road's speed: free flow, rush-hour slowdowns on weekdays, whole-number readings. */
    private void road(double[] v, int step) {
        double free = between(55, 70);
        double depth = rnd.nextDouble(0.2, 0.5);
        double ar = 0;
        for (int i = 0; i < v.length; i++) {
            double h = hours(i, step);
            double hod = h % 24;
            double rush = weekday(h) ? bump(hod, 8, 1) + 0.8 * bump(hod, 17.5, 1.2) : 0;
            ar = 0.8 * ar + 1.5 * rnd.nextGaussian();
            v[i] = Math.max(3, Math.round(free * (1 - depth * Math.min(1, rush)) + ar));
        }
    }

    private double poisson(double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rnd.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    static double hours(int i, int step) {
        return i * step / 60.0;
    }

    /** Monday 00:00 is hour 0. */
    static boolean weekday(double hours) {
        return (int) (hours / 24) % 7 < 5;
    }

    private static double bump(double h, double centre, double width) {
        double x = (h - centre) / width;
        return Math.exp(-0.5 * x * x);
    }

    private double chi2(int k) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            double g = rnd.nextGaussian();
            s += g * g;
        }
        return s;
    }

    private int between(int lo, int hi) {
        return rnd.nextInt(lo, hi + 1);
    }

    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
