package dev.heed.eval.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorSumsTest {

    @Test
    void shouldAverageOverEveryValueOfEveryVariable() {
        ErrorSums sums = new ErrorSums(2);
        // variable 0: errors 1, -1, 2, 0 -> squares 1, 1, 4, 0; absolutes 1, 1, 2, 0
        sums.add(0, 1, 0);
        sums.add(0, 0, 1);
        sums.add(0, 3, 1);
        sums.add(0, 5, 5);
        // variable 1: errors -3, 1 -> squares 9, 1; absolutes 3, 1
        sums.add(1, -1, 2);
        sums.add(1, 2.5, 1.5);
        assertThat(sums.count()).isEqualTo(6);
        assertThat(sums.mse(0)).isCloseTo(6.0 / 4, within(1e-12));
        assertThat(sums.mae(0)).isCloseTo(4.0 / 4, within(1e-12));
        assertThat(sums.mse(1)).isCloseTo(10.0 / 2, within(1e-12));
        assertThat(sums.mae(1)).isCloseTo(4.0 / 2, within(1e-12));
        // pooled over all values, not the mean of the per-variable means
        assertThat(sums.mse()).isCloseTo(16.0 / 6, within(1e-12));
        assertThat(sums.mae()).isCloseTo(8.0 / 6, within(1e-12));
    }

    @Test
    void shouldGiveZeroForAPerfectForecast() {
        ErrorSums sums = new ErrorSums(1);
        for (int i = 0; i < 10; i++) {
            sums.add(0, i * 0.5, i * 0.5);
        }
        assertThat(sums.mse()).isZero();
        assertThat(sums.mae()).isZero();
    }
}
