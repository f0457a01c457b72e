package dev.heed.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.heed.streams.HeedStreamsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {
    private static final Path DEV_CORPUS = Path.of("/work/shared/data/nab");

    @TempDir Path dir;

    @Test
    void shouldLoadFilesRowsAndWindows() throws Exception {
        NabCorpus c =
                new NabFixtures(dir)
                        .file("b/y.csv", 30)
                        .file("a/x.csv", 40, new int[] {10, 14}, new int[] {20, 20})
                        .load();
        assertThat(c.series()).extracting(NabSeries::name).containsExactly("a/x.csv", "b/y.csv");
        NabSeries x = c.series("a/x.csv");
        assertThat(x.size()).isEqualTo(40);
        assertThat(x.category()).isEqualTo("a");
        assertThat(x.fileName()).isEqualTo("x.csv");
        assertThat(x.timestamps().get(3)).isEqualTo(NabFixtures.time(3));
        assertThat(x.value(3)).isEqualTo(4.5);
        assertThat(x.windows())
                .extracting(NabWindow::firstRow, NabWindow::lastRow)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10, 14),
                        org.assertj.core.groups.Tuple.tuple(20, 20));
        assertThat(x.windows().get(0).width()).isEqualTo(5);
        assertThat(c.windowCount()).isEqualTo(2);
    }

    @Test
    void shouldReadProfilesFromProfilesJson() throws Exception {
        NabCorpus c =
                new NabFixtures(dir)
                        .file("a/x.csv", 20)
                        .profiles(
                                """
        {"mine": {"CostMatrix": {"tpWeight": 2.5, "fpWeight": 0.5, "fnWeight": 3.0}},
         "standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11,
                                     "tnWeight": 1.0}}}
        """)
                        .load();
        assertThat(c.profiles())
                .containsExactly(
                        new NabProfile("mine", 2.5, 0.5, 3.0, 0.0),
                        new NabProfile("standard", 1.0, 0.11, 1.0, 1.0));
        NabScore score = NabScorer.score(c, Map.of("a/x.csv", new double[20]));
        assertThat(score.profile("mine").profile().fpWeight()).isEqualTo(0.5);
    }

    @Test
    void shouldUseNabsPublishedProfilesWhenTheFolderHasNone() throws Exception {
        NabFixtures f = new NabFixtures(dir).file("a/x.csv", 20);
        f.load();
        java.nio.file.Files.delete(dir.resolve("config/profiles.json"));
        NabCorpus c = NabCorpus.load(dir);
        assertThat(c.profiles())
                .extracting(NabProfile::name)
                .containsExactly(NabProfile.STANDARD, NabProfile.LOW_FP, NabProfile.LOW_FN);
        assertThat(c.profiles().get(1).fpWeight()).isEqualTo(0.22);
        assertThat(c.profiles().get(2).fnWeight()).isEqualTo(2.0);
    }

    @Test
    void shouldNameTheProfileAndKeyOfAMissingWeight() throws Exception {
        NabFixtures f =
                new NabFixtures(dir)
                        .file("a/x.csv", 20)
                        .profiles(
                                "{\"odd\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fnWeight\": 1.0}}}");
        assertThatThrownBy(f::load)
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("profile odd needs a number fpWeight");
    }

    @Test
    void shouldExplainAMissingLabelsFile() throws Exception {
        new NabFixtures(dir).file("a/x.csv", 20).write();
        Files.delete(dir.resolve("labels/combined_windows.json"));
        assertThatThrownBy(() -> NabCorpus.load(dir))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("no labels/combined_windows.json at")
                .hasMessageContaining("a NAB folder holds");
    }

    @Test
    void shouldNameAWindowWhoseTimestampIsNotARow() throws Exception {
        new NabFixtures(dir).file("a/x.csv", 20).write();
        Files.writeString(
                dir.resolve("labels/combined_windows.json"),
                "{\"a/x.csv\": [[\"2014-04-01 00:07:00.000000\", \"2014-04-01 00:20:00.000000\"]]}");
        assertThatThrownBy(() -> NabCorpus.load(dir))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining(
                        "window [2014-04-01 00:07:00, 2014-04-01 00:20:00] of a/x.csv")
                .hasMessageContaining("starts at a timestamp that is not a row");
    }

    @Test
    void shouldNameTheFileAndLineOfAnUnparsableRow() throws Exception {
        new NabFixtures(dir).file("a/x.csv", 20).write();
        Path csv = dir.resolve("data/a/x.csv");
        Files.writeString(
                csv,
                Files.readString(csv)
                        .replace("2014-04-01 00:10:00,3.0", "2014-04-01 00:10:00,three"));
        assertThatThrownBy(() -> NabCorpus.load(dir))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining(csv + " line 4")
                .hasMessageContaining("value 'three' is not a number");
    }

    @Test
    void shouldRejectADataFileWithoutLabels() throws Exception {
        new NabFixtures(dir).file("a/x.csv", 20).write();
        Files.copy(dir.resolve("data/a/x.csv"), dir.resolve("data/a/extra.csv"));
        assertThatThrownBy(() -> NabCorpus.load(dir))
                .hasMessageContaining("data files [a/extra.csv] have no entry in");
    }

    @Test
    void shouldKeepFileOrderWhenATimestampRepeats() throws Exception {
        // NAB files repeat the hour of a daylight saving change; the window is still found
        new NabFixtures(dir).file("a/x.csv", 20, new int[] {8, 10}).write();
        Path csv = dir.resolve("data/a/x.csv");
        Files.writeString(
                csv,
                Files.readString(csv)
                        .replace("2014-04-01 00:25:00,7.5", "2014-04-01 00:20:00,7.5"));
        NabSeries x = NabCorpus.load(dir).series("a/x.csv");
        assertThat(x.timestamps().get(5)).isEqualTo(x.timestamps().get(4));
        assertThat(x.windows().get(0).firstRow()).isEqualTo(8);
    }

    @Test
    void shouldLoadAndScoreTheDevelopmentCorpus() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(DEV_CORPUS),
                "the NAB development copy "
                        + DEV_CORPUS
                        + " exists only on Heed's development machine; other tests use tiny corpora");
        NabCorpus c = NabCorpus.load(DEV_CORPUS);
        assertThat(c.series()).hasSize(35);
        assertThat(c.windowCount()).isEqualTo(55);
        assertThat(c.series("realKnownCause/nyc_taxi.csv").size()).isEqualTo(10320);
        assertThat(c.profiles())
                .extracting(NabProfile::name)
                .containsExactly(NabProfile.STANDARD, NabProfile.LOW_FP, NabProfile.LOW_FN);
        for (NabSeries s : c.series()) {
            for (NabWindow w : s.windows()) {
                assertThat(s.timestamps().get(w.firstRow())).isEqualTo(w.start());
                assertThat(s.timestamps().get(w.lastRow())).isEqualTo(w.end());
                assertThat(w.width()).as(s.name()).isGreaterThan(1);
            }
        }
        // the perfect detector: 1 at each window's first row (all lie after probation)
        Map<String, double[]> perfect = new HashMap<>();
        for (NabSeries s : c.series()) {
            double[] a = new double[s.size()];
            s.windows().forEach(w -> a[w.firstRow()] = 1.0);
            perfect.put(s.name(), a);
        }
        NabScore score = NabScorer.score(c, perfect);
        assertThat(score.windows()).isEqualTo(55);
        for (NabScore.ProfileScore p : score.profiles()) {
            assertThat(p.normalized()).isCloseTo(100.0, within(1e-9));
        }
    }
}
