package dev.heed.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.HeedStreamsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticNabTest {
    @TempDir Path dir;

    @Test
    void shouldWriteACorpusThatLoadsWithAnomaliesInsideTheirWindowsAfterProbation()
            throws Exception {
        assertThat(SyntheticNab.write(dir, 3, 1)).isEqualTo(12);
        NabCorpus c = NabCorpus.load(dir);
        assertThat(c.series()).hasSize(12);
        for (NabSeries s : c.series()) {
            int probation = Math.min(s.size() * 15 / 100, 750);
            if (s.category().equals("synthNoAnomaly")) {
                assertThat(s.windows()).as(s.name()).isEmpty();
            } else {
                assertThat(s.windows()).as(s.name()).isNotEmpty();
                for (NabWindow w : s.windows()) {
                    assertThat(w.firstRow()).as(s.name()).isGreaterThan(probation);
                    assertThat(w.width()).isGreaterThan(s.size() / 40);
                }
            }
            assertThat(s.size()).isGreaterThanOrEqualTo(4000);
        }
    }

    @Test
    void shouldPlantEachAnomalyInTheMiddleOfItsWindowAndChangeTheSeriesThere() {
        for (String family : SyntheticSeries.ALL) {
            SyntheticSeries.Generated clean = new SyntheticSeries(11).generate(family, 0);
            SyntheticSeries.Generated planted = new SyntheticSeries(11).generate(family, 2);
            assertThat(planted.anomalies()).hasSize(2);
            int first = planted.anomalies().get(0);
            // the same draws up to the planting: the series differ only from the anomaly on
            for (int i = 0; i < first; i++) {
                assertThat(planted.values()[i]).isEqualTo(clean.values()[i]);
            }
            assertThat(planted.values()[first + 1])
                    .as(family)
                    .isNotEqualTo(clean.values()[first + 1]);
        }
    }

    @Test
    void shouldWriteTheFamiliesNabHasAndTheDataLacksOnlyWhenNamedAndLeaveTheOthersAlone()
            throws Exception {
        assertThat(SyntheticNab.write(dir.resolve("a"), 3, 1)).isEqualTo(12);
        List<String> named = List.of("cpu", "mentions", "adexchange", "road");
        assertThat(SyntheticNab.write(dir.resolve("b"), 3, 1, named)).isEqualTo(8);
        Path cpu = Path.of("data", "synthWithAnomaly", "cpu_1.csv");
        assertThat(Files.readString(dir.resolve("b").resolve(cpu)))
                .isEqualTo(Files.readString(dir.resolve("a").resolve(cpu)));
        assertThat(dir.resolve("a").resolve("data/synthNoAnomaly/mentions_1.csv")).doesNotExist();
        NabCorpus c = NabCorpus.load(dir.resolve("b"));
        assertThat(c.series()).hasSize(8);
        for (NabSeries s : c.series()) {
            int probation = Math.min(s.size() * 15 / 100, 750);
            for (NabWindow w : s.windows()) {
                assertThat(w.firstRow()).as(s.name()).isGreaterThan(probation);
            }
            assertThat(s.windows().isEmpty()).isEqualTo(s.category().equals("synthNoAnomaly"));
        }
        SyntheticSeries.Generated counts = new SyntheticSeries(4).generate("mentions", 0);
        for (double x : counts.values()) {
            assertThat(x).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(x));
        }
        assertThat(counts.stepMinutes()).isEqualTo(5);
        assertThat(new SyntheticSeries(4).generate("adexchange", 0).stepMinutes()).isEqualTo(60);
    }

    @Test
    void shouldRefuseAnUnknownFamilyNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> SyntheticNab.write(dir, 1, 1, List.of("tweets")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tweets'")
                .hasMessageContaining("mentions,adexchange,road");
    }

    @Test
    void shouldWriteTheSameFilesForTheSameSeed() throws Exception {
        SyntheticNab.write(dir.resolve("a"), 5, 1);
        SyntheticNab.write(dir.resolve("b"), 5, 1);
        SyntheticNab.write(dir.resolve("c"), 6, 1);
        Path f = Path.of("data", "synthWithAnomaly", "cpu_1.csv");
        assertThat(Files.readString(dir.resolve("a").resolve(f)))
                .isEqualTo(Files.readString(dir.resolve("b").resolve(f)))
                .isNotEqualTo(Files.readString(dir.resolve("c").resolve(f)));
    }

    @Test
    void shouldScoreTwoCorporaAsOneAndRefuseTheSameFileTwice() throws Exception {
        NabCorpus nab = new NabFixtures(dir.resolve("nab")).file("a/x.csv", 30).load();
        SyntheticNab.write(dir.resolve("syn"), 1, 1);
        NabCorpus both = nab.and(NabCorpus.load(dir.resolve("syn")));
        assertThat(both.series()).hasSize(13);
        assertThat(both.source()).contains("nab").contains("syn");
        assertThat(both.only(List.of("a", "synthNoAnomaly")).series()).hasSize(7);
        assertThatThrownBy(() -> nab.and(nab))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("a/x.csv")
                .hasMessageContaining("rename");
    }
}
