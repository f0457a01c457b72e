package dev.heed.models.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.heed.models.formats.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterAverageTest {

    @Test
    void shouldWriteTheMeanOfTheAddedPointsIntoTheSameArrays() {
        try (NDManager m = NDManager.newBaseManager(Engines.PYTORCH)) {
            NDArray w = m.create(new float[] {1f, 2f});
            NDArray b = m.create(new float[] {10f});
            try (ParameterAverage average = new ParameterAverage(List.of(w, b))) {
                average.add();
                m.create(new float[] {3f, 6f}).copyTo(w);
                m.create(new float[] {20f}).copyTo(b);
                average.add();
                m.create(new float[] {5f, 4f}).copyTo(w);
                m.create(new float[] {0f}).copyTo(b);
                average.add();
                m.create(new float[] {100f, 100f}).copyTo(w); // not added: overwritten
                average.restore();
                assertThat(average.count()).isEqualTo(3);
            }
            assertThat(w.toFloatArray()).containsExactly(3f, 4f);
            assertThat(b.toFloatArray()).containsExactly(10f);
        }
    }

    @Test
    void shouldLeaveTheArraysAloneWhenNothingWasAdded() {
        try (NDManager m = NDManager.newBaseManager(Engines.PYTORCH)) {
            NDArray w = m.create(new float[] {1f, 2f});
            try (ParameterAverage average = new ParameterAverage(List.of(w))) {
                average.restore();
            }
            assertThat(w.toFloatArray()).containsExactly(1f, 2f);
        }
    }
}
