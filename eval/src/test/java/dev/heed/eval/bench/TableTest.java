package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
    private static Table sample() {
        return new Table("design", "windows/s")
                .row("heed", Table.num(12345.6, 0))
                .row("per-record", Table.num(Double.NaN, 1));
    }

    @Test
    void shouldAlignTheFirstColumnLeftAndTheOthersRight() {
        assertThat(sample().text())
                .isEqualTo(
                        "design      windows/s\n"
                                + "----------  ---------\n"
                                + "heed           12,346\n"
                                + "per-record          -\n");
    }

    @Test
    void shouldRenderMarkdown() {
        assertThat(sample().markdown())
                .isEqualTo(
                        "| design | windows/s |\n| --- | ---: |\n| heed | 12,346 |\n| per-record | - |\n");
    }

    @Test
    void shouldRefuseARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("a", "b").row("x"))
                .hasMessageContaining("1 cells, table has 2 columns");
    }
}
