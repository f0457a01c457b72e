package dev.heed.streams.sensors.internal;

/**
 * Feeds a series' readings to its two novelty views and scores them: the recent shape (the last
 * {@code fine} readings, by default the model's patch) at every reading, and the long context (by
 * default one day in 24 buckets) at every completed bucket.
 */
final class NoveltyScales {
    private final NoveltySettings settings;
    private final int longWindow;

    /** What the two views said at one reading; either may be null (off, or nothing completed). */
    record Seen(Novelty shape, Novelty context) {
        static final Seen NONE = new Seen(null, null);

        /** The larger of the two likelihoods, 0.5 when neither scored. */
        double likelihood() {
            return Math.max(
                    shape == null ? 0.5 : shape.likelihood(),
                    context == null ? 0.5 : context.likelihood());
        }

        /** The larger of the two z-scores, 0 when neither scored. */
        double z() {
            return Math.max(shape == null ? 0 : shape.z(), context == null ? 0 : context.z());
        }
    }

    /**
     * @param longWindow effective length, in readings, of the long-run distance distributions
     */
    NoveltyScales(NoveltySettings settings, int longWindow) {
        this.settings = settings;
        this.longWindow = longWindow;
    }

    /** A new series' memories, with the first window's readings in them. */
    void start(AnomalyState st, WindowSnapshot w) {
        start(st, w, w.ts().length);
    }

    /**
     * The memories a series lacks though the settings ask for them (its state predates them, or
     * they were turned on since), seeded with the window's steps before {@code upTo}, the ones the
     * series has already seen.
     */
    void startMissing(AnomalyState st, WindowSnapshot w, int upTo) {
        if ((settings.fine() > 0 && st.fine == null)
                || (settings.spanMs() > 0 && st.novelty == null)) {
            start(st, w, upTo);
        }
    }

    private void start(AnomalyState st, WindowSnapshot w, int upTo) {
        int vars = w.names().length;
        NoveltyMemory fineBefore = st.fine;
        NoveltyMemory contextBefore = st.novelty;
        if (settings.fine() > 0 && st.fine == null) {
            st.fine = new NoveltyMemory(vars, settings.fine(), settings.memory());
            st.fine.bucket = 1;
            st.fine.changed = true; // stored from the start, even before a bucket completes
        }
        if (settings.spanMs() > 0 && st.novelty == null) {
            st.novelty = new NoveltyMemory(vars, settings.points(), settings.memory());
            st.novelty.bucket = settings.bucket(medianInterval(w.ts()));
            st.novelty.changed = true;
        }
        for (int t = 0; t < upTo; t++) {
            if (!w.filled()[t]) {
                if (st.fine != null && st.fine != fineBefore) {
                    st.fine.add(w.ts()[t], column(w, t));
                }
                if (st.novelty != null && st.novelty != contextBefore) {
                    st.novelty.add(w.ts()[t], column(w, t));
                }
            }
        }
    }

    /** Adds step {@code t} of {@code w} to both views and scores those that moved on. */
    Seen observe(AnomalyState st, WindowSnapshot w, int t) {
        if (w.filled()[t] || (st.fine == null && st.novelty == null)) {
            return Seen.NONE;
        }
        float[] x = column(w, t);
        long ts = w.ts()[t];
        Novelty shape = null;
        if (st.fine != null && st.fine.add(ts, x)) {
            int n = st.fine.points;
            shape =
                    Novelty.score(
                            st.fine,
                            ts,
                            st.min,
                            st.max,
                            n,
                            Math.max(n, longWindow),
                            settings.centredShape());
        }
        Novelty context = null;
        if (st.novelty != null && st.novelty.add(ts, x)) {
            int n = st.novelty.points;
            int longRun = Math.max(n, longWindow / st.novelty.bucket);
            context = Novelty.score(st.novelty, ts, st.min, st.max, n, longRun, false);
        }
        return new Seen(shape, context);
    }

    private static float[] column(WindowSnapshot w, int t) {
        float[] x = new float[w.names().length];
        for (int v = 0; v < x.length; v++) {
            x[v] = w.values()[v][t];
        }
        return x;
    }

    /** The median gap between consecutive timestamps, at least 1 ms. */
    static long medianInterval(long[] ts) {
        if (ts.length < 2) {
            return 1;
        }
        long[] gaps = new long[ts.length - 1];
        for (int i = 1; i < ts.length; i++) {
            gaps[i - 1] = ts[i] - ts[i - 1];
        }
        java.util.Arrays.sort(gaps);
        return Math.max(1, gaps[gaps.length / 2]);
    }
}
