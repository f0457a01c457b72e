package dev.heed.models.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.models.AttentionMethod;
import org.junit.jupiter.api.Test;

/**
 * Relevance that comes back all zero or not finite turns into uniform weights, which explain
 * nothing. Now and then a window's relevance did (a different window each run; explained again it
 * is fine): the forecaster explains such a window again alone. CrashFaultIT compares the weights of
 * two heed run processes, which is where it showed.
 */
class DegenerateRelevanceTest {

    @Test
    void shouldTellUniformFallbackWeightsFromAnExplanation() {
        float u = 1f / 4;
        Forecast uniform =
                new Forecast(
                        new float[][] {{1f}},
                        new float[] {u, u, u, u},
                        new float[][] {{u, u, u, u}},
                        AttentionMethod.RELEVANCE);
        Forecast explained =
                new Forecast(
                        new float[][] {{1f}},
                        new float[] {0.1f, 0.2f, 0.3f, 0.4f},
                        new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}},
                        AttentionMethod.RELEVANCE);
        assertThat(NetworkForecaster.degenerate(uniform)).isTrue();
        assertThat(NetworkForecaster.degenerate(explained)).isFalse();
    }

    @Test
    void shouldTellAFlatWindowWhoseRelevanceIsZeroByRight() {
        assertThat(NetworkForecaster.flat(new float[][] {{3f, 3f, 3f}, {0f, 0f, 0f}})).isTrue();
        assertThat(NetworkForecaster.flat(new float[][] {{3f, 3f, 3f}, {0f, 1f, 0f}})).isFalse();
    }
}
