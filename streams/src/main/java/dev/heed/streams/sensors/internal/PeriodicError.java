package dev.heed.streams.sensors.internal;

/** The time-of-day check of forecast alarms ({@code anomaly.forecast.periodic}). */
final class PeriodicError {
    private PeriodicError() {}

    /**
     * Whether the forecast error {@code e} at {@code ts} is new for this time of the long view's
     * span (of day, by default): more than {@code forecastPeriodic} times the largest error of the
     * same bucket of the span, or of the buckets beside it, one span earlier. A model that misses
     * every day at the same time (the edge of a square wave it cannot forecast) does not alarm for
     * it. Learns {@code e}. True when the check or the long view is off, or the span before is
     * unknown (the series' first span, or after a gap of more than a span).
     */
    static boolean isNew(AnomalyState st, AnomalySettings settings, long ts, double e) {
        long spanMs = settings.novelty().spanMs();
        int points = settings.novelty().points();
        if (settings.forecastPeriodic() <= 0 || spanMs <= 0) {
            return true;
        }
        if (st.errorNow == null || st.errorNow.length != points) {
            st.errorNow = new float[points];
            st.errorBefore = new float[points];
            java.util.Arrays.fill(st.errorBefore, Float.NaN);
            st.errorSpan = Math.floorDiv(ts, spanMs);
        }
        long span = Math.floorDiv(ts, spanMs);
        if (span != st.errorSpan) {
            if (span == st.errorSpan + 1) {
                System.arraycopy(st.errorNow, 0, st.errorBefore, 0, points);
            } else {
                java.util.Arrays.fill(st.errorBefore, Float.NaN);
            }
            java.util.Arrays.fill(st.errorNow, 0f);
            st.errorSpan = span;
        }
        int b = (int) Math.min(points - 1, Math.floorMod(ts, spanMs) * points / spanMs);
        double before = 0;
        boolean known = true;
        for (int d = -1; d <= 1; d++) {
            float x = st.errorBefore[Math.floorMod(b + d, points)];
            known &= !Float.isNaN(x);
            before = Math.max(before, Float.isNaN(x) ? 0 : x);
        }
        st.errorNow[b] = (float) Math.max(st.errorNow[b], e);
        return !known || e > settings.forecastPeriodic() * before;
    }
}
