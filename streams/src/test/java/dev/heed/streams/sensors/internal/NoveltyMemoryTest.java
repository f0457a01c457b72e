package dev.heed.streams.sensors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NoveltyMemoryTest {
    private static final double[] MIN = {-1};
    private static final double[] MAX = {1};

    /** Feeds {@code n} random readings, scoring each completed view as the detector does. */
    private static NoveltyMemory fed(int n, long seed) {
        NoveltyMemory m = new NoveltyMemory(1, 8, 16);
        m.bucket = 3;
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            if (m.add(i * 1000L, new float[] {(float) r.nextGaussian() * 0.3f})) {
                Novelty.score(m, i * 1000L, MIN, MAX, 8, 100, false);
            }
        }
        return m;
    }

    @Test
    void shouldRememberAtMostItsCapacityAndStayTheSameSizeAfterwards() {
        NoveltyMemory early = fed(600, 1);
        NoveltyMemory late = fed(6000, 1);
        assertThat(early.used).isEqualTo(16);
        assertThat(late.used).isEqualTo(16);
        assertThat(late.stateBytes()).isEqualTo(early.stateBytes());
        // capacity * points floats, plus the view and fixed fields
        assertThat(late.stateBytes()).isLessThan(16 * 8 * 12 + 8 * 12 + 128);
    }

    @Test
    void shouldRestoreEverythingItScoresWith() {
        NoveltyMemory m = fed(1000, 2);
        NoveltyMemory back = NoveltyMemory.fromBytes(m.headerBytes(), m::slotBytes);
        assertThat(back.view()).containsExactly(m.view());
        assertThat(back.used).isEqualTo(m.used);
        assertThat(back.distMean).isEqualTo(m.distMean);
        assertThat(back.distVar).isEqualTo(m.distVar);
        assertThat(back.partialCount).isEqualTo(m.partialCount);
        for (int j = 0; j < m.used; j++) {
            assertThat(back.views[j]).containsExactly(m.views[j]);
            assertThat(back.lastUsed[j]).isEqualTo(m.lastUsed[j]);
        }
        // both go on to score the next view alike
        for (int i = 1000; i < 1003; i++) {
            m.add(i * 1000L, new float[] {0.9f});
            back.add(i * 1000L, new float[] {0.9f});
        }
        Novelty a = Novelty.score(m, 1_003_000L, MIN, MAX, 8, 100, false);
        Novelty b = Novelty.score(back, 1_003_000L, MIN, MAX, 8, 100, false);
        assertThat(b.distance()).isEqualTo(a.distance());
        assertThat(b.likelihood()).isEqualTo(a.likelihood());
    }

    @Test
    void shouldFindAViewItHasSeenFamiliarAndANewOneNovel() {
        NoveltyMemory m = new NoveltyMemory(1, 4, 64);
        m.bucket = 1;
        Random r = new Random(3);
        Novelty last = null;
        for (int i = 0; i < 2000; i++) {
            // a square wave of period 8 with a little noise
            float x = (i % 8 < 4 ? 0.5f : -0.5f) + (float) r.nextGaussian() * 0.02f;
            if (m.add(i, new float[] {x})) {
                last = Novelty.score(m, i, MIN, MAX, 4, 200, false);
            }
        }
        assertThat(last.likelihood()).isLessThan(0.99);
        m.add(2000, new float[] {0.0f});
        Novelty flat = Novelty.score(m, 2000, MIN, MAX, 4, 200, false);
        assertThat(flat.likelihood()).isGreaterThan(0.9999);
        assertThat(flat.buckets().get(0).observed()[0]).isEqualTo(0.0f);
    }

    /**
     * The recent-shape likelihood once a view lies wholly past a square wave's move by a quarter of
     * its range.
     */
    private static Novelty afterLevelMove(boolean centred) {
        NoveltyMemory m = new NoveltyMemory(1, 4, 64);
        m.bucket = 1;
        Random r = new Random(5);
        Novelty last = null;
        for (int i = 0; i < 1004; i++) {
            float level = i < 1000 ? -0.3f : 0.2f;
            float x = level + (i % 8 < 4 ? 0.2f : -0.2f) + (float) r.nextGaussian() * 0.02f;
            if (m.add(i, new float[] {x})) {
                last = Novelty.score(m, i, MIN, MAX, 4, 200, centred);
            }
        }
        return last;
    }

    @Test
    void shouldKnowAShapeAtAnotherLevelOnlyWhenCentred() {
        Novelty centred = afterLevelMove(true);
        assertThat(centred.likelihood()).isLessThan(0.99);
        assertThat(afterLevelMove(false).likelihood()).isGreaterThan(0.9999);
        // the explanation shows the remembered shape at the current level (0.2 +- 0.2 here)
        for (Novelty.Bucket b : centred.buckets()) {
            assertThat(b.remembered()[0]).isBetween(-0.1f, 0.5f);
            assertThat(Math.abs(b.observed()[0] - b.remembered()[0])).isLessThan(0.1f);
        }
    }

    /** A memory of {@code capacity} views of {@code points}, every slot filled. */
    private static int fullSize(int points, int capacity) {
        NoveltyMemory m = new NoveltyMemory(1, points, capacity);
        m.bucket = 1;
        for (int j = 0; j < capacity; j++) {
            m.remember(new float[points]);
        }
        return m.stateBytes();
    }

    @Test
    void shouldEncodeAFullMemoryInTheSizeTheReadmeStates() {
        // README, Anomaly detection: 27.0 KB for the long context, 18.7 KB for a 16-reading
        // recent shape, 10.4 KB for an 8-reading one (256 views, one variable)
        assertThat(fullSize(24, 256)).isEqualTo(26_985);
        assertThat(fullSize(16, 256)).isEqualTo(18_697);
        assertThat(fullSize(8, 256)).isEqualTo(10_409);
    }

    @Test
    void shouldMarkOnlyWhatAReadingChanged() {
        NoveltyMemory m = fed(1000, 4);
        m.headerBytes();
        for (int j = 0; j < m.used; j++) {
            m.slotBytes(j);
        }
        assertThat(m.changed).isFalse();
        assertThat(m.dirty.isEmpty()).isTrue();
        for (int i = 0; i < 3; i++) {
            m.add(1_000_000L + i, new float[] {0.1f});
        }
        Novelty.score(m, 1_003_000L, MIN, MAX, 8, 100, false);
        assertThat(m.changed).isTrue();
        // one view matched or remembered: one slot to write, not the whole memory
        assertThat(m.dirty.cardinality()).isEqualTo(1);
    }
}
