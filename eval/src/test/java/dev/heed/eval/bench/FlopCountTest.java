package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.ModelDescriptor.Architecture;
import org.junit.jupiter.api.Test;

class FlopCountTest {
    /**
     * T 8, P 4, S 4 -> N = (8 - 4) / 4 + 2 = 3; E 4, H 2, F 8, L 1, horizon 2. By hand: embedding
     * 2*3*4*4 = 96; projections 4*2*3*4*4 = 384; scores and context 2*2*3*3*4 = 144; feed-forward
     * 2*2*3*4*8 = 384; head 2*(3*4)*2 = 48; total 96 + 384 + 144 + 384 + 48 = 1056.
     */
    @Test
    void shouldCountTheMatrixProductsOfATinyConfigByHand() {
        Architecture tiny = new Architecture("patch-transformer", 4, 2, 1, 8, 4, 4, 0.0);
        assertThat(FlopCount.perSeries(tiny, 8, 2)).isEqualTo(1056);
    }

    @Test
    void shouldAddEachLayersCost() {
        Architecture one = new Architecture("patch-transformer", 4, 2, 1, 8, 4, 4, 0.0);
        Architecture two = new Architecture("patch-transformer", 4, 2, 2, 8, 4, 4, 0.0);
        assertThat(FlopCount.perSeries(two, 8, 2) - FlopCount.perSeries(one, 8, 2))
                .isEqualTo(384 + 144 + 384);
    }

    @Test
    void shouldRefuseAnArchitectureWithUnknownSizes() {
        Architecture exported = new Architecture("patch-transformer", 0, 0, 0, 0, 8, 8, 0.0);
        assertThatThrownBy(() -> FlopCount.perSeries(exported, 64, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d_model");
    }
}
