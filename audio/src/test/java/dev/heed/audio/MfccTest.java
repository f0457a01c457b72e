package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MfccTest {

    @Test
    void shouldPutAFlatSpectrumIntoTheFirstCoefficientOnly() {
        float[] flat = {2f, 2f, 2f, 2f};
        float[] c = Mfcc.of(flat, 3);
        // c0 = sqrt(1/4) * 4 * 2 = 4
        assertThat(c[0]).isCloseTo(4f, within(1e-5f));
        assertThat(c[1]).isCloseTo(0f, within(1e-5f));
        assertThat(c[2]).isCloseTo(0f, within(1e-5f));
    }

    @Test
    void shouldMatchAHandComputedDct() {
        float[] x = {1f, 0f};
        // M = 2: c1 = sqrt(2/2) * (1 * cos(pi * 0.5 / 2)) = cos(pi/4)
        assertThat(Mfcc.of(x, 2)[1]).isCloseTo((float) Math.cos(Math.PI / 4), within(1e-6f));
    }
}
