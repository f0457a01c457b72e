package dev.heed.eval.nab;

import static dev.heed.eval.nab.NabFixtures.hits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.HeedStreamsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two categories of 20-row files (probation rows 0..2), each detection a 1.0 among zeros. */
class NabCategoriesTest {
    @TempDir Path dir;

    private NabCorpus corpus() throws Exception {
        return new NabFixtures(dir)
                .file("a/x.csv", 20, new int[] {8, 11})
                .file("a/y.csv", 20, new int[] {5, 7})
                .file("b/z.csv", 20)
                .load();
    }

    @Test
    void shouldCountWindowsDetectedAndFalsePositivesPerCategory() throws Exception {
        NabScore score =
                NabScorer.score(
                        corpus(),
                        Map.of(
                                "a/x.csv", hits(20, 8),
                                "a/y.csv", hits(20, 15),
                                "b/z.csv", hits(20, 4, 16)));
        List<NabCategories.Row> standard =
                NabCategories.rows(score).stream()
                        .filter(r -> r.profile().equals(NabProfile.STANDARD))
                        .toList();
        assertThat(standard).extracting(NabCategories.Row::category).containsExactly("a", "b");
        NabCategories.Row a = standard.get(0);
        assertThat(a.files()).isEqualTo(2);
        assertThat(a.windows()).isEqualTo(2);
        assertThat(a.detected()).isEqualTo(1);
        assertThat(a.falsePositives()).isEqualTo(1);
        NabCategories.Row b = standard.get(1);
        assertThat(b.windows()).isZero();
        assertThat(b.falsePositives()).isEqualTo(2);
        assertThat(b.normalized()).isNaN();
        // the categories' raw scores add up to the corpus's
        assertThat(a.raw() + b.raw())
                .isCloseTo(
                        score.profile(NabProfile.STANDARD).raw(),
                        org.assertj.core.api.Assertions.within(1e-12));
        assertThat(NabCategories.format(score))
                .contains("standard")
                .contains(" a ")
                .contains(" b ");
    }

    @Test
    void shouldKeepOnlyTheNamedCategoriesAndNameTheOnesThereWhenOneIsMissing() throws Exception {
        NabCorpus c = corpus();
        assertThat(c.only(List.of("b")).series())
                .extracting(NabSeries::name)
                .containsExactly("b/z.csv");
        assertThatThrownBy(() -> c.only(List.of("realKnownCause")))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("'realKnownCause'")
                .hasMessageContaining("[a, b]");
    }
}
