package dev.heed.models.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttentionTest {

    private static final float EPS = 1e-6f;

    private static float[][] identity(int n) {
        float[][] m = new float[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1f;
        }
        return m;
    }

    /** Every query attends only to token {@code key}. */
    private static float[][] oneHot(int n, int key) {
        float[][] m = new float[n][n];
        for (int i = 0; i < n; i++) {
            m[i][key] = 1f;
        }
        return m;
    }

    private static void assertWeights(float[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("weight %d", i).isCloseTo((float) expected[i], within(EPS));
        }
    }

    @Test
    void shouldGiveUniformWeightsForIdentityAttentionExceptTheQueryRow() {
        float[][][][] a = {{identity(4), identity(4)}};
        assertWeights(Attention.tokenWeights(a, AttentionMethod.HEAD_MEAN), 0.25, 0.25, 0.25, 0.25);
        assertWeights(Attention.tokenWeights(a, AttentionMethod.ROLLOUT), 0.25, 0.25, 0.25, 0.25);
        assertWeights(Attention.tokenWeights(a, AttentionMethod.QUERY), 0, 0, 0, 1);
    }

    @Test
    void shouldPutAllWeightOnTheTokenEveryQueryAttendsTo() {
        float[][][][] a = {{oneHot(4, 2)}};
        assertWeights(Attention.tokenWeights(a, AttentionMethod.HEAD_MEAN), 0, 0, 1, 0);
        assertWeights(Attention.tokenWeights(a, AttentionMethod.QUERY), 0, 0, 1, 0);
        // A' = 0.5 A + 0.5 I: rows 0, 1, 3 split 0.5/0.5 between themselves and token 2, row 2 is 1
        assertWeights(
                Attention.tokenWeights(a, AttentionMethod.ROLLOUT), 0.125, 0.125, 0.625, 0.125);
    }

    @Test
    void shouldRollOutTwoLayersAsTheProductOfTheLaterTimesTheEarlier() {
        float[][][][] a = {
            {{{1, 0}, {1, 0}}, {{0, 1}, {0, 1}}}, // layer 1: head mean 0.5 everywhere
            {{{0.8f, 0.2f}, {0.6f, 0.4f}}, {{0.8f, 0.2f}, {0.6f, 0.4f}}} // layer 2
        };
        // A'1 = [[.75 .25] [.25 .75]], A'2 = [[.9 .1] [.3 .7]], A'2 A'1 = [[.7 .3] [.4 .6]]
        assertWeights(Attention.tokenWeights(a, AttentionMethod.ROLLOUT), 0.55, 0.45);
        assertWeights(Attention.tokenWeights(a, AttentionMethod.HEAD_MEAN), 0.7, 0.3);
        assertWeights(Attention.tokenWeights(a, AttentionMethod.QUERY), 0.6, 0.4);
    }

    @ParameterizedTest
    @EnumSource(
            value = AttentionMethod.class,
            names = {"HEAD_MEAN", "ROLLOUT", "QUERY"})
    void shouldSumTokenAndStepWeightsToOne(AttentionMethod method) {
        Random random = new Random(5);
        int n = 5;
        float[][][][] a = new float[3][2][n][n];
        for (float[][][] layer : a) {
            for (float[][] head : layer) {
                for (float[] row : head) {
                    float sum = 0;
                    for (int j = 0; j < n; j++) {
                        row[j] = random.nextFloat();
                        sum += row[j];
                    }
                    for (int j = 0; j < n; j++) {
                        row[j] /= sum;
                    }
                }
            }
        }
        float[] tokens = Attention.tokenWeights(a, method);
        float[] steps = Attention.tokensToSteps(tokens, 8, 8, 36);
        assertThat(sum(tokens)).isCloseTo(1f, within(1e-5f));
        assertThat(sum(steps)).isCloseTo(1f, within(1e-5f));
        assertThat(steps).hasSize(36);
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float v : w) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
            s += v;
        }
        return s;
    }

    @Test
    void shouldSpreadOverlappingPatchesEvenlyOverTheirSteps() {
        // P 4, S 2, T 7: tokens cover 0-3, 2-5 and 4-6 (its padded last step clipped)
        float[] steps = Attention.tokensToSteps(new float[] {0.5f, 0.25f, 0.25f}, 4, 2, 7);
        double third = 0.25 / 3;
        assertWeights(steps, 0.125, 0.125, 0.1875, 0.1875, 0.0625 + third, 0.0625 + third, third);
    }

    @Test
    void shouldMapEndPaddingPatchesToTheLastSteps() {
        // P 4, S 4, T 10: N = 3, the last patch covers steps 8, 9 and two padded copies of step 9
        assertWeights(
                Attention.tokensToSteps(new float[] {0, 0, 1}, 4, 4, 10),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0.5,
                0.5);
        // P 2, S 4, T 10: N = 4, the last patch starts at 12, past the window: it is the last step
        assertWeights(
                Attention.tokensToSteps(new float[] {0, 0, 0, 1}, 2, 4, 10),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                1);
    }

    @Test
    void shouldOrderTopKByWeightWithTiesToTheMoreRecentIndex() {
        float[] w = {0.1f, 0.3f, 0.3f, 0.05f, 0.25f};
        assertThat(Attention.topK(w, 3)).containsExactly(2, 1, 4);
        assertThat(Attention.topK(w, 9)).containsExactly(2, 1, 4, 0, 3);
        assertThat(Attention.topK(w, 0)).isEmpty();
        assertThatThrownBy(() -> Attention.topK(w, -1)).hasMessageContaining("k must be >= 0: -1");
    }

    @Test
    void shouldRejectNonSquareAttention() {
        float[][][][] a = {{{{1f, 0f}, {1f}}}};
        assertThatThrownBy(() -> Attention.tokenWeights(a, AttentionMethod.HEAD_MEAN))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("not square");
    }
}
