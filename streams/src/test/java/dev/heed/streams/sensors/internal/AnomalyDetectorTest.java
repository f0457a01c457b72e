package dev.heed.streams.sensors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
    private static final int STEPS = 16;
    private static final int HORIZON = 4;

    private final AnomalyDetector detector =
            new AnomalyDetector(new AnomalySettings("a", 0.9999, 100, 5, 200, 0.05));

    /** A one-variable window of the series {@code x} ending at index {@code end}. */
    private static WindowSnapshot window(double[] x, int end) {
        long[] ts = new long[STEPS];
        float[][] values = new float[1][STEPS];
        for (int i = 0; i < STEPS; i++) {
            ts[i] = (end - STEPS + 1 + i) * 1000L;
            values[0][i] = (float) x[end - STEPS + 1 + i];
        }
        return new WindowSnapshot("s", new String[] {"v"}, ts, values, new boolean[STEPS], 0);
    }

    /** The forecast a perfect model makes at {@code end}, plus {@code bias}. */
    private static float[][] forecast(double[] x, int end, double bias) {
        float[][] f = new float[1][HORIZON];
        for (int h = 0; h < HORIZON; h++) {
            f[0][h] = (float) (x[Math.min(x.length - 1, end + 1 + h)] + bias);
        }
        return f;
    }

    private static double[] noisySine(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 * Math.sin(i / 5.0) + r.nextGaussian();
        }
        return x;
    }

    /** Runs windows at stride 1 with forecasts off by Gaussian noise of {@code sd}, from end0. */
    /** A detector with the novelty views, no forecast alarms and a 50-reading hold-off. */
    private static AnomalyDetector withViews(int warmup, NoveltySettings views) {
        return new AnomalyDetector(
                new AnomalySettings("a", 0.9999, warmup, 5, 200, 0.05, 50, false, views, 0, 0, 0));
    }

    private Anomaly[] run(AnomalyState st, double[] x, int end0, int end1, double sd, long seed) {
        return run(detector, st, x, end0, end1, sd, seed);
    }

    private static Anomaly[] run(
            AnomalyDetector detector,
            AnomalyState st,
            double[] x,
            int end0,
            int end1,
            double sd,
            long seed) {
        Random r = new Random(seed);
        Anomaly[] out = new Anomaly[x.length];
        for (int end = end0; end <= end1; end++) {
            out[end] = detector.update(st, window(x, end), forecast(x, end, r.nextGaussian() * sd));
        }
        return out;
    }

    @Test
    void shouldScoreNothingOnTheFirstWindowAndWarmUp() {
        double[] x = noisySine(400, 1);
        AnomalyState st = detector.newState(1);
        Anomaly first = detector.update(st, window(x, STEPS - 1), forecast(x, STEPS - 1, 0));
        assertThat(first.step()).isEqualTo(-1);
        assertThat(first.likelihood()).isEqualTo(0.5);
        assertThat(first.warmingUp()).isTrue();
        Anomaly second = detector.update(st, window(x, STEPS), forecast(x, STEPS, 0));
        assertThat(second.step()).isEqualTo(STEPS - 1);
        assertThat(second.score()).isCloseTo(0, within(1e-6));
        assertThat(second.observed()[0]).isEqualTo(second.expected()[0], within(1e-5f));
        Anomaly[] later = run(st, x, STEPS + 1, 150, 0.3, 2);
        assertThat(later[100 - 1].warmingUp()).isTrue();
        assertThat(later[150].warmingUp()).isFalse();
    }

    @Test
    void shouldGiveALikelihoodNearOneToASuddenLargeError() {
        double[] x = noisySine(400, 3);
        AnomalyState st = detector.newState(1);
        Anomaly[] steady = run(st, x, STEPS - 1, 299, 0.3, 4);
        long alarms =
                java.util.Arrays.stream(steady, 200, 300).filter(a -> a.flagged(0.9999)).count();
        assertThat(alarms).as("false alarms on a steady error level").isLessThanOrEqualTo(1);
        // The model now misses by 6 units for a few steps in a row.
        Anomaly a = null;
        for (int end = 300; end < 304; end++) {
            a = detector.update(st, window(x, end), forecast(x, end, 6));
        }
        assertThat(a.likelihood()).isGreaterThan(0.9999);
        assertThat(a.flagged(0.9999)).isTrue();
        assertThat(a.score()).as("1 - exp(-6 / sd), sd about 7").isBetween(0.5, 0.65);
        assertThat(a.expected()[0] - a.observed()[0]).isCloseTo(6f, within(1e-4f));
    }

    @Test
    void shouldGiveLikelihoodOneWhenAValueLeavesTheRangeSeenSoFar() {
        double[] x = noisySine(400, 5);
        AnomalyState st = detector.newState(1);
        run(st, x, STEPS - 1, 200, 0.3, 6);
        x[201] = 40; // the sine stays within about +-13
        Anomaly a = detector.update(st, window(x, 201), forecast(x, 201, 0));
        assertThat(a.rangeBreak()).isTrue();
        assertThat(a.likelihood()).isEqualTo(1.0);
        assertThat(a.observed()[0]).isEqualTo(40f);
    }

    @Test
    void shouldGradeARangeBreakByHowFarTheValueGoes() {
        AnomalyDetector graded =
                new AnomalyDetector(
                        new AnomalySettings(
                                "a",
                                0.9999,
                                100,
                                5,
                                200,
                                0.05,
                                0,
                                true,
                                NoveltySettings.OFF,
                                0,
                                0.05,
                                0));
        double[] likelihood = new double[3];
        double[] beyond = {0.06, 0.2, 0.6}; // past the range (about +-13.3), in units of it
        for (int k = 0; k < beyond.length; k++) {
            double[] x = noisySine(400, 5);
            AnomalyState st = graded.newState(1);
            run(graded, st, x, STEPS - 1, 200, 0.3, 6);
            double range = st.max[0] - st.min[0];
            x[201] = st.max[0] + beyond[k] * range;
            Anomaly a = graded.update(st, window(x, 201), forecast(x, 201, 0));
            assertThat(a.rangeBreak()).isTrue();
            assertThat(a.rangeExcess()).isCloseTo(beyond[k] - 0.05, within(1e-4));
            likelihood[k] = a.likelihood();
            // Phi(4 + (beyond - tolerance) / scale), the tolerance 0.05 of the range
            double z = AnomalySettings.RANGE_Z + (beyond[k] - 0.05) / 0.05;
            assertThat(1 - likelihood[k])
                    .as("1 - likelihood %s of range, z = %s", beyond[k], z)
                    .isCloseTo(1 - Normal.cdf(z), withinPercentage(1));
        }
        assertThat(likelihood[0]).isGreaterThan(0.9999).isLessThan(likelihood[1]);
        assertThat(likelihood[1]).isLessThan(likelihood[2]);
    }

    /**
     * Runs a 48-reading cycle with forecast alarms and the long view over one cycle (48 s in 12
     * buckets), the range check off, no hold-off; the forecast misses by 6 at the reading {@code
     * missAt} of every cycle, and once more at reading 30 of cycle 11. Returns, per cycle, whether
     * the miss at {@code missAt} was flagged, then whether the one-off miss was.
     */
    private static boolean[] periodicMisses(double periodic) {
        NoveltySettings views = new NoveltySettings(48_000, 12, 16, 0);
        AnomalyDetector d =
                new AnomalyDetector(
                        new AnomalySettings(
                                "a", 0.9999, 100, 5, 200, 0, 0, true, views, periodic, 0, 0));
        int cycles = 12;
        double[] x = new double[48 * cycles + HORIZON + 1];
        Random r = new Random(21);
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 * Math.sin(2 * Math.PI * i / 48) + 0.3 * r.nextGaussian();
        }
        int missAt = 10;
        int oneOff = 48 * 11 + 30;
        AnomalyState st = d.newState(1);
        boolean[] flagged = new boolean[cycles + 1];
        for (int end = STEPS - 1; end < 48 * cycles; end++) {
            // the window ending at end forecasts end + 1 onwards
            boolean miss = (end + 1) % 48 == missAt || end + 1 == oneOff;
            Anomaly a = d.update(st, window(x, end), forecast(x, end, miss ? 6 : 0));
            if (end % 48 == missAt) {
                flagged[end / 48] = a.flagged(0.9999);
            }
            if (end == oneOff) {
                flagged[cycles] = a.flagged(0.9999);
            }
            if (end == 48 * 6 - 1) {
                // from here on, the state as the store gives it back (the memories beside it)
                AnomalyState restored = AnomalyState.fromBytes(st.toBytes());
                restored.attach(st.novelty, st.fine, st.embedding);
                st = restored;
            }
        }
        return flagged;
    }

    @Test
    void shouldNotAlarmForAForecastMissThatComesBackAtTheSameTimeEveryDay() {
        boolean[] plain = periodicMisses(0);
        boolean[] periodic = periodicMisses(2);
        for (int c = 3; c < 12; c++) {
            assertThat(plain[c])
                    .as("the daily miss alarms in cycle %d without the check", c)
                    .isTrue();
            assertThat(periodic[c]).as("and not with it, cycle %d", c).isFalse();
        }
        assertThat(periodic[12]).as("a miss at another time of day still alarms").isTrue();
        assertThat(plain[12]).isTrue();
    }

    @Test
    void shouldBehaveTheSameAfterAStateRoundTrip() {
        double[] x = noisySine(400, 7);
        AnomalyState a = detector.newState(1);
        run(a, x, STEPS - 1, 180, 0.3, 8);
        AnomalyState b = AnomalyState.fromBytes(a.toBytes());
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
        Anomaly[] ra = run(a, x, 181, 250, 0.5, 9);
        Anomaly[] rb = run(b, x, 181, 250, 0.5, 9);
        for (int i = 181; i <= 250; i++) {
            assertThat(rb[i].likelihood()).isEqualTo(ra[i].likelihood());
            assertThat(rb[i].score()).isEqualTo(ra[i].score());
        }
    }

    @Test
    void shouldReadAVersion4StateWhoseTwoDoublesPerVariableItNoLongerKeeps() {
        double[] x = noisySine(400, 7);
        AnomalyState a = detector.newState(1);
        run(a, x, STEPS - 1, 180, 0.3, 8);
        a.stuck = new StuckRun(); // what an older state reads as: no stuck-run history
        byte[] v7 = a.toBytes();
        // version 5: the same without the stuck run (2 bytes when fresh)
        byte[] v5 = java.util.Arrays.copyOf(v7, v7.length - 2);
        v5[0] = 5;
        assertThat(AnomalyState.fromBytes(v5).toBytes()).isEqualTo(v7);
        // version 4: version 5 with two doubles for the one variable (its RMS step and last
        // reading) before the (empty) error buckets
        byte[] v4 = new byte[v5.length + 16];
        System.arraycopy(v5, 0, v4, 0, v5.length - 2);
        java.nio.ByteBuffer.wrap(v4, v5.length - 2, 16).putDouble(0.3).putDouble(Double.NaN);
        v4[0] = 4;
        v4[v4.length - 2] = 0;
        v4[v4.length - 1] = 0;
        assertThat(AnomalyState.fromBytes(v4).toBytes()).isEqualTo(v7);
    }

    @Test
    void shouldReadAVersion6StateWhoseStuckRunCountedWholeReadings() {
        double[] x = noisySine(400, 7);
        AnomalyState a = detector.newState(1);
        run(a, x, STEPS - 1, 180, 0.3, 8);
        a.stuck = new StuckRun();
        float[][] values = {{1, 1, 2, 2, 2, 3, 3}}; // (variables, steps)
        for (int i = 0; i < values[0].length; i++) {
            a.stuck.observe(values, i, 1000L * i, 1e-6);
        }
        byte[] v7 = a.toBytes();
        // version 6 wrote one count of whole readings: for one variable, the same numbers
        byte[] prefix = java.util.Arrays.copyOf(v7, v7.length - 35);
        java.nio.ByteBuffer v6 = java.nio.ByteBuffer.allocate(prefix.length + 35);
        v6.put(prefix).putShort((short) 1).putFloat(3f).putLong(4).putLong(1);
        v6.putInt(2).putLong(5000L).put((byte) 0);
        byte[] b6 = v6.array();
        b6[0] = 6;
        assertThat(AnomalyState.fromBytes(b6).toBytes()).isEqualTo(v7);
        // for two variables its counts were not any one variable's: they start again
        java.nio.ByteBuffer two = java.nio.ByteBuffer.allocate(prefix.length + 39);
        two.put(prefix).putShort((short) 2).putFloat(3f).putFloat(7f).putLong(3).putLong(1);
        two.putInt(2).putLong(5000L).put((byte) 0);
        byte[] b2 = two.array();
        b2[0] = 6;
        StuckRun read = AnomalyState.fromBytes(b2).stuck;
        assertThat(read.last).containsExactly(3f, 7f);
        assertThat(read.repeats).containsExactly(0L, 0L);
        assertThat(read.run).containsExactly(1, 1);
    }

    @Test
    void shouldBehaveTheSameAfterARestoreOfStateAndMemoriesAsTheStoresKeepThem() {
        // novelty on: a long view of 32 s in 8 buckets of 4 readings, a recent shape of 4
        AnomalyDetector d = withViews(100, new NoveltySettings(32_000, 8, 16, 4));
        double[] x = noisySine(400, 7);
        AnomalyState a = d.newState(1);
        Map<String, byte[]> context = new HashMap<>();
        Map<String, byte[]> shape = new HashMap<>();
        Random r = new Random(8);
        // as NoveltyStore does: each memory's header and views written only when they changed,
        // the state at every reading
        for (int end = STEPS - 1; end <= 182; end++) {
            d.update(a, window(x, end), forecast(x, end, r.nextGaussian() * 0.3));
            store(a.novelty, context);
            store(a.fine, shape);
        }
        assertThat(a.novelty.partialCount).as("a bucket in progress").isPositive();
        AnomalyState b = AnomalyState.fromBytes(a.toBytes());
        b.attach(
                NoveltyMemory.fromBytes(context.get("h"), j -> context.get("s" + j)),
                NoveltyMemory.fromBytes(shape.get("h"), j -> shape.get("s" + j)),
                null);
        assertThat(b.novelty.headerBytes()).isEqualTo(a.novelty.headerBytes());
        assertThat(b.fine.used).isEqualTo(a.fine.used);
        Anomaly[] ra = run(d, a, x, 183, 250, 0.5, 9);
        Anomaly[] rb = run(d, b, x, 183, 250, 0.5, 9);
        for (int i = 183; i <= 250; i++) {
            assertThat(rb[i].likelihood()).isEqualTo(ra[i].likelihood());
        }
    }

    /** As the processor does: state and memories loaded, updated and written back per window. */
    private static AnomalyState roundTrip(
            AnomalyDetector d,
            byte[] state,
            Map<String, byte[]> context,
            Map<String, byte[]> shape,
            WindowSnapshot w,
            float[][] forecast) {
        AnomalyState st = state == null ? d.newState(1) : AnomalyState.fromBytes(state);
        st.attach(
                context.containsKey("h")
                        ? NoveltyMemory.fromBytes(context.get("h"), j -> context.get("s" + j))
                        : null,
                shape.containsKey("h")
                        ? NoveltyMemory.fromBytes(shape.get("h"), j -> shape.get("s" + j))
                        : null,
                null);
        d.update(st, w, forecast);
        if (st.novelty != null) {
            store(st.novelty, context);
        }
        if (st.fine != null) {
            store(st.fine, shape);
        }
        return st;
    }

    @Test
    void shouldFillALongBucketThatNoWindowHoldsAcrossStoredRoundTrips() {
        // 1-s readings, a long view of 64 s in 2 buckets: 32 readings a bucket, windows of 16
        AnomalyDetector d = withViews(10, new NoveltySettings(64_000, 2, 16, 4));
        double[] x = noisySine(400, 11);
        Map<String, byte[]> context = new HashMap<>();
        Map<String, byte[]> shape = new HashMap<>();
        byte[] state = null;
        AnomalyState st = null;
        for (int end = STEPS - 1; end <= 300; end++) {
            st = roundTrip(d, state, context, shape, window(x, end), forecast(x, end, 0));
            state = st.toBytes();
        }
        // 301 readings: 9 buckets of 32 complete, the 10th holds 13
        assertThat(st.novelty.buckets).isEqualTo(9);
        assertThat(st.novelty.partialCount).isEqualTo(13);
    }

    @Test
    void shouldStartTheViewsForASeriesWhoseStatePredatesThem() {
        double[] x = noisySine(400, 12);
        AnomalyState st = detector.newState(1);
        run(st, x, STEPS - 1, 150, 0.3, 13);
        assertThat(st.fine).isNull();
        AnomalyDetector withViews = withViews(100, new NoveltySettings(32_000, 8, 16, 4));
        run(withViews, st, x, 151, 250, 0.3, 14);
        assertThat(st.fine).isNotNull();
        assertThat(st.novelty).isNotNull();
        // seeded with the window's 15 earlier readings, then the 100 new ones
        assertThat(st.fine.buckets).isEqualTo(115);
        assertThat(st.novelty.buckets).isEqualTo(115 / 4);
    }

    private static void store(NoveltyMemory m, Map<String, byte[]> kept) {
        for (int j = m.dirty.nextSetBit(0); j >= 0; j = m.dirty.nextSetBit(j + 1)) {
            kept.put("s" + j, m.slotBytes(j));
        }
        if (m.changed) {
            kept.put("h", m.headerBytes());
        }
    }

    @Test
    void shouldComputeTheNormalCdfInTheTails() {
        assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021, within(1e-6));
        assertThat(1 - Normal.cdf(4)).isCloseTo(3.167e-5, within(1e-7));
        assertThat(Normal.cdf(-3)).isCloseTo(1.3499e-3, within(1e-6));
    }
}
