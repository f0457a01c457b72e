package dev.heed.eval.nab;

import static dev.heed.eval.nab.NabFixtures.hits;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 20-row files (probation rows 0..2), each with windows given as row pairs. */
class NabMissedWindowsTest {
    @TempDir Path dir;

    @Test
    void shouldListTheCountedWindowsWithoutADetectionAndTheStrongestScoreInside() throws Exception {
        NabCorpus corpus =
                new NabFixtures(dir)
                        .file("a/x.csv", 20, new int[] {5, 7}, new int[] {12, 14})
                        .file("a/y.csv", 20, new int[] {0, 1}, new int[] {9, 11})
                        .load();
        double[] x = new double[20];
        x[6] = 0.95; // below the threshold: the first window is missed
        x[13] = 0.99; // the second is found
        double[] y = new double[20];
        y[1] = 1.0; // a probationary row: its window does not count, found or not
        y[9] = 0.4;
        y[10] = 0.7; // missed, strongest at row 10
        List<NabMissedWindows.Missed> missed =
                NabMissedWindows.at(corpus, Map.of("a/x.csv", x, "a/y.csv", y), 0.99);
        assertThat(missed)
                .extracting(NabMissedWindows.Missed::file)
                .containsExactly("a/x.csv", "a/y.csv");
        assertThat(missed.get(0).window().firstRow()).isEqualTo(5);
        assertThat(missed.get(0).strongest()).isEqualTo(0.95);
        assertThat(missed.get(0).at()).isEqualTo(NabFixtures.time(6));
        assertThat(missed.get(1).window().firstRow()).isEqualTo(9);
        assertThat(missed.get(1).strongest()).isEqualTo(0.7);
        assertThat(missed.get(1).at()).isEqualTo(NabFixtures.time(10));
        assertThat(NabMissedWindows.format(missed))
                .contains("a/x.csv")
                .contains("strongest 0.95000000 at " + NabTime.format(NabFixtures.time(6)));
        // at a threshold every window's strongest score reaches, none is missed
        assertThat(NabMissedWindows.at(corpus, Map.of("a/x.csv", x, "a/y.csv", y), 0.7)).isEmpty();
    }

    @Test
    void shouldReadOnlyTheScoredRowsOfAWindowThatStartsInTheProbation() throws Exception {
        NabCorpus corpus = new NabFixtures(dir).file("a/x.csv", 20, new int[] {1, 5}).load();
        double[] x = hits(20, 2); // a detection inside the window but in the probation
        List<NabMissedWindows.Missed> missed =
                NabMissedWindows.at(corpus, Map.of("a/x.csv", x), 0.5);
        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).strongest()).isZero();
        assertThat(missed.get(0).at()).isEqualTo(NabFixtures.time(3));
    }
}
