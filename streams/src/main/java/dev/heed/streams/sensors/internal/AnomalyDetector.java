package dev.heed.streams.sensors.internal;

import dev.heed.models.attention.Attention;
import dev.heed.models.forecasting.Forecast;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores each window's new steps for anomalies, one series at a time: the range seen so far, the
 * novelty of the series' recent shape and long context ({@link NoveltyScales}) and of the model's
 * own representation of the newest patch ({@link EmbeddingMemory}), and the model's forecast error,
 * which alarms only with {@code forecastAlarms}; then holds off repeated alarms.
 *
 * <p>Each window's new steps are compared with what the previous window forecast for them. The
 * error, averaged over variables and normalised by each variable's online standard deviation, gives
 * the raw score {@code 1 - exp(-e)}. The likelihood follows Numenta's anomaly likelihood (Ahmad et
 * al., Neurocomputing 2017): the average of the last {@code shortWindow} raw scores is compared
 * with the long-run distribution of that average (exponentially weighted over {@code longWindow}
 * steps), and the likelihood is the normal CDF of its z-score, or, when larger, the same for the
 * single step's raw score against the long-run distribution of single-step scores, so that a lone
 * spike inside the range is not averaged away. A value that leaves the range seen so far by more
 * than {@code rangeTolerance} of the range breaks it (as in NAB's Numenta detector), with a
 * likelihood that grows with how far it goes ({@code rangeScale}; 1 for every break at 0). The
 * likelihood of a step is that, else the largest of the novelty views' likelihoods, the
 * representation's for the window's newest step (and the forecast error's when it alarms).
 */
final class AnomalyDetector {
    /**
     * Smallest long-run spread of the recent-score average, so that a perfectly predictable series
     * does not alarm on rounding noise.
     */
    static final double LEVEL_SD_FLOOR = 0.01;

    /** Smallest long-run spread of single-step raw scores, for the same reason. */
    static final double RAW_SD_FLOOR = 0.02;

    private final AnomalySettings settings;
    private final NoveltyScales scales;

    AnomalyDetector(AnomalySettings settings) {
        this.settings = settings;
        this.scales = new NoveltyScales(settings.novelty(), settings.longWindow());
    }

    AnomalyState newState(int variables) {
        return new AnomalyState(variables, settings.shortWindow());
    }

    /**
     * Scores the steps of {@code w} that the last forecast covered, learns from them and keeps
     * {@code forecast} ({@code [variables][horizon]}) for the next window.
     */
    Anomaly update(AnomalyState st, WindowSnapshot w, float[][] forecast) {
        return update(st, w, forecast, null, 0);
    }

    /**
     * As {@link #update(AnomalyState, WindowSnapshot, float[][])}, and keeps the {@code topK} steps
     * of {@code explanation} (the weights that explain {@code forecast}) as where the next window's
     * expectation comes from.
     */
    Anomaly update(
            AnomalyState st, WindowSnapshot w, float[][] forecast, Forecast explanation, int topK) {
        long[] ts = w.ts();
        int steps = ts.length;
        int first = steps;
        while (first > 0 && ts[first - 1] > st.lastTs) {
            first--;
        }
        if (st.readings == 0) {
            initStats(st, w);
            scales.start(st, w);
            for (int t = 0; t < steps; t++) {
                stuck(st, w, t);
            }
        } else {
            scales.startMissing(st, w, first);
        }
        List<Anomaly.Broken> broken = new ArrayList<>();
        int best = -1;
        double bestScore = 0;
        double bestStrength = 0;
        double bestLikelihood = 0.5;
        double bestExcess = 0;
        Novelty bestContext = null;
        Novelty bestShape = null;
        EmbeddingMemory.Seen represented = representation(st, w, first, explanation);
        EmbeddingMemory.Seen bestRepresented = null;
        StuckRun.Seen bestStuck = null;
        for (int t = st.readings == 0 ? steps : first; t < steps; t++) {
            int h = t - first;
            if (st.forecast == null || h >= st.forecast[0].length || w.filled()[t]) {
                stuck(st, w, t);
                observe(st, w, t);
                scales.observe(st, w, t);
                continue;
            }
            double e = error(st, w, t, h);
            broken.add(new Anomaly.Broken(t, expectedAt(st, h), e));
            double raw = 1 - Math.exp(-e);
            double excess = rangeExcess(st, w, t);
            boolean range = excess > 0;
            double level = st.pushRecent(raw);
            double fromError = Math.max(likelihood(st, level), surprise(st, raw));
            learnLevel(st, level);
            learnRaw(st, raw);
            observe(st, w, t);
            NoveltyScales.Seen seen = scales.observe(st, w, t);
            boolean errorAlarms =
                    settings.forecastAlarms() && PeriodicError.isNew(st, settings, ts[t], e);
            double likelihood =
                    range
                            ? rangeLikelihood(excess)
                            : Math.max(errorAlarms ? fromError : 0.5, seen.likelihood());
            EmbeddingMemory.Seen rep = t == steps - 1 && !range ? represented : null;
            if (rep != null) {
                likelihood = Math.max(likelihood, rep.likelihood());
            }
            StuckRun.Seen stuck = stuck(st, w, t);
            if (stuck != null) {
                likelihood = Math.max(likelihood, Normal.cdf(AnomalySettings.STUCK_Z));
            }
            // how strong the evidence is, in spreads: what a held-off alarm must double (a range
            // break in units of the views' spread floor, not its likelihood's scale, which lost two
            // NAB windows: docs/anomaly-experiments.md)
            double strength =
                    Math.max(
                            Math.max(
                                    Math.max(errorAlarms ? e : 0, seen.z()),
                                    rep == null ? 0 : rep.z()),
                            excess / Novelty.SD_FLOOR);
            if (stuck != null) {
                strength = Math.max(strength, AnomalySettings.STUCK_Z);
            }
            st.scored++;
            if (best < 0 || likelihood > bestLikelihood) {
                best = t;
                bestStrength = strength;
                bestScore = raw;
                bestLikelihood = likelihood;
                bestExcess = excess;
                bestContext = seen.context();
                bestShape = seen.shape();
                bestRepresented = rep;
                bestStuck = stuck;
            }
        }
        if (st.readings == 0) {
            st.readings = steps;
        }
        float[] observed = null;
        float[] expected = null;
        if (best >= 0) {
            int vars = w.names().length;
            observed = new float[vars];
            expected = new float[vars];
            for (int v = 0; v < vars; v++) {
                observed[v] = w.values()[v][best];
                expected[v] = st.forecast[v][best - first];
            }
        }
        st.lastTs = w.end();
        st.forecast = copy(forecast);
        AnomalyState.Expectation from = st.expectation;
        if (explanation != null && topK > 0) {
            st.expectation = expectation(w, explanation, topK);
        }
        broken.sort((a, b) -> Double.compare(b.error(), a.error()));
        List<Anomaly.Broken> top =
                List.copyOf(broken.subList(0, Math.min(broken.size(), Math.max(1, topK))));
        boolean warming = st.readings <= settings.warmup();
        boolean heldOff = false;
        if (!warming && best >= 0 && bestLikelihood >= settings.threshold()) {
            if (st.readings < st.holdUntil
                    && bestStrength < AnomalySettings.REARM * st.alarmStrength) {
                heldOff = true;
            } else if (holdoff(st) > 0) {
                st.holdUntil = st.readings + holdoff(st);
                st.alarmStrength = bestStrength;
            }
        }
        return new Anomaly(
                bestScore,
                bestLikelihood,
                warming,
                best,
                observed,
                expected,
                bestExcess,
                top,
                from,
                heldOff,
                bestContext,
                bestShape,
                bestRepresented,
                bestStuck);
    }

    /** Step {@code t} of {@code w} to the series' stuck-run check: the run it completes, if any. */
    private StuckRun.Seen stuck(AnomalyState st, WindowSnapshot w, int t) {
        if (w.filled()[t]) {
            return null; // a filled step repeats its neighbour by construction
        }
        return st.stuck.observe(w.values(), t, w.ts()[t], settings.stuckChance());
    }

    /**
     * Scores the model's embedding of the window's newest patch against the series' memory of them;
     * null when off or the model gives none. A likelihood is given once the series has seen one
     * long-context span (one window when that view is off), as the views learn their first span
     * rather than score it.
     */
    private EmbeddingMemory.Seen representation(
            AnomalyState st, WindowSnapshot w, int first, Forecast f) {
        int every = settings.novelty().embedding();
        if (every <= 0 || f == null || f.embedding() == null) {
            return null;
        }
        float[] x = f.embedding();
        if (st.embedding == null || st.embedding.width != x.length) {
            st.embedding = new EmbeddingMemory(x.length, settings.novelty().memory());
        }
        int steps = w.ts().length;
        long readings = st.readings + (steps - first);
        long learn = st.novelty != null ? (long) st.novelty.bucket * st.novelty.points : steps;
        return st.embedding.score(x, readings, readings > learn, every, settings.longWindow());
    }

    /** The hold-off in readings for this series. */
    private int holdoff(AnomalyState st) {
        if (settings.holdoff() != AnomalySettings.HOLDOFF_SPAN) {
            return settings.holdoff();
        }
        return st.novelty == null
                ? 0
                : (int) Math.min(Integer.MAX_VALUE, (long) st.novelty.bucket * st.novelty.points);
    }

    private static float[] expectedAt(AnomalyState st, int h) {
        float[] e = new float[st.forecast.length];
        for (int v = 0; v < e.length; v++) {
            e[v] = st.forecast[v][h];
        }
        return e;
    }

    /** The {@code k} steps {@code f}'s weights rank first, with their times and values. */
    private static AnomalyState.Expectation expectation(WindowSnapshot w, Forecast f, int k) {
        int[] top = Attention.topK(f.stepWeights(), k);
        long[] ts = new long[top.length];
        float[] weights = new float[top.length];
        float[][] values = new float[top.length][w.names().length];
        for (int i = 0; i < top.length; i++) {
            ts[i] = w.ts()[top[i]];
            weights[i] = f.stepWeights()[top[i]];
            for (int v = 0; v < w.names().length; v++) {
                values[i][v] = w.values()[v][top[i]];
            }
        }
        return new AnomalyState.Expectation(f.method().wireName(), ts, weights, values);
    }

    private static double error(AnomalyState st, WindowSnapshot w, int t, int h) {
        int vars = w.names().length;
        double sum = 0;
        for (int v = 0; v < vars; v++) {
            double sd =
                    Math.max(Math.sqrt(st.var[v]), Math.max(1e-3 * (st.max[v] - st.min[v]), 1e-6));
            sum += Math.abs(w.values()[v][t] - st.forecast[v][h]) / sd;
        }
        return sum / vars;
    }

    /**
     * How far, in units of the range seen so far, a value of step {@code t} lies beyond that range
     * and its tolerance (the largest over variables); 0 when none does or the check is off.
     */
    private double rangeExcess(AnomalyState st, WindowSnapshot w, int t) {
        if (settings.rangeTolerance() <= 0) {
            return 0;
        }
        double excess = 0;
        for (int v = 0; v < w.names().length; v++) {
            double range = st.max[v] - st.min[v];
            double x = w.values()[v][t];
            double slack = settings.rangeTolerance() * range;
            if (range > 0) {
                double beyond = Math.max(x - st.max[v] - slack, st.min[v] - slack - x);
                excess = Math.max(excess, beyond / range);
            }
        }
        return excess;
    }

    /**
     * A range break's likelihood: {@code Phi(RANGE_Z + excess / rangeScale)}, so that a value far
     * beyond the range outranks one just past its tolerance (NAB's thresholds, and a user's, can
     * then tell them apart); 1 when {@code rangeScale} is 0.
     */
    private double rangeLikelihood(double excess) {
        double scale = settings.rangeScale();
        return scale > 0 ? Normal.cdf(AnomalySettings.RANGE_Z + excess / scale) : 1.0;
    }

    private double likelihood(AnomalyState st, double level) {
        if (st.levelCount < settings.shortWindow()) {
            return 0.5;
        }
        double sd = Math.max(Math.sqrt(st.levelVar), LEVEL_SD_FLOOR);
        return Normal.cdf((level - st.levelMean) / sd);
    }

    /**
     * How unusual one step's raw score is against the long-run distribution of single-step scores:
     * the recent average above dilutes a lone spike inside the range seen so far, this does not.
     */
    private double surprise(AnomalyState st, double raw) {
        if (st.levelCount < settings.shortWindow()) {
            return 0.5;
        }
        double sd = Math.max(Math.sqrt(st.rawVar), RAW_SD_FLOOR);
        return Normal.cdf((raw - st.rawMean) / sd);
    }

    private void learnRaw(AnomalyState st, double raw) {
        double alpha = 1.0 / Math.min(st.levelCount, settings.longWindow());
        double delta = raw - st.rawMean;
        st.rawMean += alpha * delta;
        st.rawVar = (1 - alpha) * (st.rawVar + alpha * delta * delta);
    }

    private void learnLevel(AnomalyState st, double level) {
        st.levelCount++;
        double alpha = 1.0 / Math.min(st.levelCount, settings.longWindow());
        double delta = level - st.levelMean;
        st.levelMean += alpha * delta;
        st.levelVar = (1 - alpha) * (st.levelVar + alpha * delta * delta);
    }

    /** Online normalisation: exponentially weighted mean and variance, and the range. */
    private void observe(AnomalyState st, WindowSnapshot w, int t) {
        st.readings++;
        double alpha = 1.0 / Math.min(st.readings, settings.longWindow());
        for (int v = 0; v < w.names().length; v++) {
            double x = w.values()[v][t];
            double delta = x - st.mean[v];
            st.mean[v] += alpha * delta;
            st.var[v] = (1 - alpha) * (st.var[v] + alpha * delta * delta);
            st.min[v] = Math.min(st.min[v], x);
            st.max[v] = Math.max(st.max[v], x);
        }
    }

    /** Starts the normalisation from the first window's own statistics. */
    private static void initStats(AnomalyState st, WindowSnapshot w) {
        for (int v = 0; v < w.names().length; v++) {
            float[] row = w.values()[v];
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float x : row) {
                sum += x;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            double mean = sum / row.length;
            double sq = 0;
            for (float x : row) {
                sq += (x - mean) * (x - mean);
            }
            st.mean[v] = mean;
            st.var[v] = sq / row.length;
            st.min[v] = lo;
            st.max[v] = hi;
        }
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
