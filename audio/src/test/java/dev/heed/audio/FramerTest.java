package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramerTest {

    @Test
    void shouldCutOverlappingWholeFrames() {
        float[][] f = Framer.frames(new float[] {0, 1, 2, 3, 4, 5, 6}, 4, 2);
        assertThat(f).hasNumberOfRows(2);
        assertThat(f[1]).containsExactly(2, 3, 4, 5);
    }

    @Test
    void shouldPreEmphasiseAcrossChunks() {
        float[] a = PreEmphasis.apply(new float[] {1, 2}, 0.5f, 0f);
        float[] b = PreEmphasis.apply(new float[] {4}, 0.5f, 2f);
        assertThat(a).containsExactly(1f, 1.5f);
        assertThat(b).containsExactly(3f);
    }
}
