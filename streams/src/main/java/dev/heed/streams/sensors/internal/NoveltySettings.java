package dev.heed.streams.sensors.internal;

/**
 * How a series' shapes are remembered and scored for novelty (see {@link NoveltyMemory}).
 *
 * @param spanMs the time the long-context view covers; 0 turns the long view off
 * @param points buckets in the long-context view
 * @param memory views remembered per series, for each of the two views
 * @param fine readings in the recent-shape view (one reading per bucket); 0 turns it off
 * @param centredShape whether the recent shape is compared without its level (each view less its
 *     own mean): a pattern that repeats at another level is then no longer new; levels are the
 *     range's and the long context's business
 * @param embedding readings per remembered embedding of the model's newest patch ({@link
 *     EmbeddingMemory}, {@code memory} of them per series); 0 turns that score off
 * @param cache series whose decoded memories a task keeps (the others are decoded from the store at
 *     each of their windows)
 */
public record NoveltySettings(
        long spanMs,
        int points,
        int memory,
        int fine,
        boolean centredShape,
        int embedding,
        int cache) {
    /** Most points (or recent-shape readings) in a view: stored as a short. */
    public static final int MAX_POINTS = 4096;

    /** Series whose decoded memories a task keeps, by default: about 230 MB when all are full. */
    public static final int DEFAULT_CACHE = 2048;

    /** No novelty score. */
    public static final NoveltySettings OFF = new NoveltySettings(0, 24, 256, 0);

    /** The recent shape compared with its level; no embedding memory. */
    public NoveltySettings(long spanMs, int points, int memory, int fine) {
        this(spanMs, points, memory, fine, false, 0, DEFAULT_CACHE);
    }

    /** No embedding memory. */
    public NoveltySettings(long spanMs, int points, int memory, int fine, boolean centredShape) {
        this(spanMs, points, memory, fine, centredShape, 0, DEFAULT_CACHE);
    }

    public NoveltySettings {
        if (spanMs < 0
                || points < 1
                || points > MAX_POINTS
                || memory < 1
                || fine < 0
                || fine > MAX_POINTS
                || embedding < 0
                || cache < 0) {
            throw new IllegalArgumentException(
                    "novelty settings must have span >= 0, points 1-"
                            + MAX_POINTS
                            + ", memory >= 1, fine 0-"
                            + MAX_POINTS
                            + ", embedding >= 0, cache >= 0: "
                            + spanMs
                            + " ms, "
                            + points
                            + ", "
                            + memory
                            + ", "
                            + fine
                            + ", "
                            + embedding
                            + ", "
                            + cache);
        }
    }

    /** Readings per bucket of the long view, for a series sampled every {@code intervalMs}. */
    public int bucket(long intervalMs) {
        double spanReadings = Math.max(points, (double) spanMs / Math.max(intervalMs, 1));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(spanReadings / points)));
    }

    /**
     * Floats a series keeps for {@code variables} variables and a model embedding of {@code width}
     * numbers per variable (0: none): every memory and its views, the size the README states.
     */
    public long floatsPerSeries(int variables, int width) {
        long longView = spanMs > 0 ? (long) (memory + 1) * points * variables : 0;
        long fineView = fine > 0 ? (long) (memory + 1) * fine * variables : 0;
        long embedded = embedding > 0 ? (long) memory * width * variables : 0;
        return longView + fineView + embedded;
    }
}
