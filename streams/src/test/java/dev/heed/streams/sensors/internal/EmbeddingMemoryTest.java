package dev.heed.streams.sensors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memory of the model's embeddings: what is new, what is remembered, what is stored. */
class EmbeddingMemoryTest {
    private static final int WIDTH = 8;
    private static final int EVERY = 16;

    /** One of four prototypes, with a little noise. */
    private static float[] usual(Random r) {
        float[] x = new float[WIDTH];
        int k = r.nextInt(4);
        for (int i = 0; i < WIDTH; i++) {
            x[i] = (i % 4 == k ? 1f : 0f) + 0.01f * (float) r.nextGaussian();
        }
        return x;
    }

    private static float[] unusual() {
        float[] x = new float[WIDTH];
        java.util.Arrays.fill(x, 0.8f);
        return x;
    }

    /** {@code windows} usual embeddings, one window per reading. */
    private static EmbeddingMemory learnt(int windows, Random r) {
        EmbeddingMemory m = new EmbeddingMemory(WIDTH, 64);
        for (int i = 1; i <= windows; i++) {
            m.score(usual(r), i, true, EVERY, 2000);
        }
        return m;
    }

    @Test
    void shouldScoreAnEmbeddingUnlikeAnyRememberedAsNew() {
        Random r = new Random(3);
        EmbeddingMemory m = learnt(2000, r);
        assertThat(m.score(usual(r), 2001, true, EVERY, 2000).likelihood()).isLessThan(0.99);
        assertThat(m.score(unusual(), 2002, true, EVERY, 2000).likelihood()).isGreaterThan(0.9999);
    }

    @Test
    void shouldStopScoringARepeatedEmbeddingAsNewOnceRemembered() {
        Random r = new Random(4);
        EmbeddingMemory m = learnt(2000, r);
        double last = 1;
        for (int i = 2001; i <= 2000 + EVERY + 1; i++) {
            last = m.score(unusual(), i, true, EVERY, 2000).likelihood();
        }
        assertThat(last).as("after a block of readings crossed").isLessThan(0.99);
    }

    @Test
    void shouldGiveNoLikelihoodWhileNotScoring() {
        Random r = new Random(5);
        EmbeddingMemory m = learnt(2000, r);
        assertThat(m.score(unusual(), 2001, false, EVERY, 2000).likelihood()).isEqualTo(0.5);
    }

    /** Slots used after {@code 40 * EVERY} readings of embeddings unlike each other. */
    private static int usedAfterNovelEmbeddings(int every) {
        EmbeddingMemory m = new EmbeddingMemory(WIDTH, 1024);
        Random r = new Random(6);
        for (int i = 1; i <= 40 * EVERY; i++) {
            float[] x = new float[WIDTH];
            for (int j = 0; j < WIDTH; j++) {
                x[j] = (float) r.nextGaussian();
            }
            m.score(x, i, true, every, 2000);
        }
        return m.used;
    }

    @Test
    void shouldRememberAtMostOneEmbeddingPerBlockOfReadings() {
        assertThat(usedAfterNovelEmbeddings(EVERY)).isBetween(1, 41);
        assertThat(usedAfterNovelEmbeddings(1)).as("one per reading").isGreaterThan(100);
    }

    @Test
    void shouldScoreTheSameAfterARoundTripThroughItsBytes() {
        Random r = new Random(7);
        EmbeddingMemory a = learnt(700, r);
        Map<Integer, byte[]> slots = new HashMap<>();
        for (int j = 0; j < a.used; j++) {
            slots.put(j, a.slotBytes(j));
        }
        EmbeddingMemory b = EmbeddingMemory.fromBytes(a.headerBytes(), slots::get);
        assertThat(EmbeddingMemory.usedSlots(a.headerBytes())).isEqualTo(a.used);
        assertThat(a.stateBytes()).isEqualTo(a.headerBytes().length + a.used * (8 + 4 * WIDTH));
        for (int i = 701; i < 760; i++) {
            float[] x = i % 7 == 0 ? unusual() : usual(r);
            assertThat(b.score(x, i, true, EVERY, 2000))
                    .isEqualTo(a.score(x, i, true, EVERY, 2000));
        }
    }

    @Test
    void shouldEncodeAFullMemoryInTheSizeTheReadmeStates() {
        // README, Anomaly detection: 67.6 KB for 256 embeddings of 64 numbers (one variable)
        EmbeddingMemory m = new EmbeddingMemory(64, 256);
        Random r = new Random(8);
        for (int i = 1; m.used < 256 && i < 10_000; i++) {
            float[] x = new float[64];
            for (int j = 0; j < 64; j++) {
                x[j] = (float) r.nextGaussian() * i;
            }
            m.score(x, (long) i * EVERY, true, EVERY, 2000);
        }
        assertThat(m.stateBytes()).isEqualTo(67_637);
        assertThat(m.headerBytes().length + 256 * m.slotBytes(0).length).isEqualTo(67_637);
    }
}
