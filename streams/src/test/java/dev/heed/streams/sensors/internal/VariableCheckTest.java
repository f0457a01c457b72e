package dev.heed.streams.sensors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.internal.Rejection;
import org.junit.jupiter.api.Test;

class VariableCheckTest {
    private static final String[] MODEL_ORDER = {"HUFL", "HULL", "OT"};

    @Test
    void shouldPutTheValuesInTheModelsOrderWhateverOrderTheReadingHasThem() throws Rejection {
        // the parser hands names sorted; a model's variables need not be
        Reading r =
                new Reading(
                        "etth1", 0, new String[] {"HULL", "HUFL", "OT"}, new double[] {2, 1, 3});
        assertThat(VariableCheck.align(MODEL_ORDER, r)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldNameUnknownAndMissingVariables() {
        Reading unknown =
                new Reading(
                        "etth1",
                        0,
                        new String[] {"HUFL", "HULL", "OT", "X"},
                        new double[] {1, 2, 3, 4});
        assertThatThrownBy(() -> VariableCheck.align(MODEL_ORDER, unknown))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("unknown variable(s) [X]");
        Reading missing = new Reading("etth1", 0, new String[] {"HUFL", "OT"}, new double[] {1, 3});
        assertThatThrownBy(() -> VariableCheck.align(MODEL_ORDER, missing))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("missing variable(s) [HULL]");
    }
}
