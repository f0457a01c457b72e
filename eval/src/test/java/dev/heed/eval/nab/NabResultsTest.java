package dev.heed.eval.nab;

import static dev.heed.eval.nab.NabFixtures.hits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabResultsTest {
    @TempDir Path dir;

    @Test
    void shouldWriteNabResultsFilesThatReadBack() throws Exception {
        NabCorpus c =
                new NabFixtures(dir.resolve("nab"))
                        .file("a/x.csv", 20, new int[] {8, 11})
                        .file("b/y.csv", 25)
                        .load();
        double[] x = hits(20, 8);
        x[15] = 0.25;
        Map<String, double[]> scores = Map.of("a/x.csv", x, "b/y.csv", new double[25]);
        Path out = dir.resolve("results");
        NabScore score = NabResults.write(out, "heed", c, scores);

        List<String> lines = Files.readAllLines(out.resolve("heed/a/heed_x.csv"));
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,label");
        assertThat(lines.get(1)).isEqualTo("2014-04-01 00:00:00,0.0,0.0,0");
        for (int i = 0; i < 20; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(NabTime.parse(cells[0])).contains(NabFixtures.time(i));
            assertThat(Double.parseDouble(cells[1])).isEqualTo(c.series("a/x.csv").value(i));
            assertThat(Double.parseDouble(cells[2])).isEqualTo(x[i]);
            assertThat(cells[3]).isEqualTo(i >= 8 && i <= 11 ? "1" : "0");
        }
        assertThat(Files.readAllLines(out.resolve("heed/b/heed_y.csv"))).hasSize(26);

        JsonNode summary =
                new ObjectMapper().readTree(out.resolve("heed/heed_scores.json").toFile());
        assertThat(summary.get("files").asInt()).isEqualTo(2);
        for (NabScore.ProfileScore p : score.profiles()) {
            JsonNode n = summary.get("profiles").get(p.profile().name());
            assertThat(n.get("score").asDouble()).isEqualTo(p.normalized());
            assertThat(n.get("threshold").asDouble()).isEqualTo(p.threshold());
            assertThat(n.get("raw").asDouble()).isEqualTo(p.raw());
            assertThat(n.get("tp").asInt()).isEqualTo(p.truePositives());
            assertThat(n.get("files").get("a/x.csv").get("raw").asDouble())
                    .isEqualTo(p.files().get(0).raw());
        }
    }

    @Test
    void shouldRejectADetectorNameThatIsNotAFileName() throws Exception {
        NabCorpus c = new NabFixtures(dir.resolve("nab")).file("a/x.csv", 20).load();
        assertThatThrownBy(
                        () -> NabResults.write(dir, "../up", c, Map.of("a/x.csv", new double[20])))
                .hasMessageContaining("'../up'");
    }

    @Test
    void shouldRankHeedAmongThePublishedScores() {
        NabProfile std = new NabProfile(NabProfile.STANDARD, 1, 0.11, 1, 1);
        NabProfile fp = new NabProfile(NabProfile.LOW_FP, 1, 0.22, 1, 1);
        NabScore score = new NabScore(35, 55, List.of(profile(std, 60.04), profile(fp, 41.26)));
        String board = NabScoreboard.format(score);
        List<String> rows = board.lines().toList();
        assertThat(rows.get(1)).contains("ARTime", "74.9", "n/a");
        assertThat(rows.get(2)).contains("Numenta HTM", "70.1", "63.1", "74.3");
        assertThat(rows.get(4)).startsWith(">").contains("Heed", "60.0", "41.3", "n/a");
        assertThat(rows.get(5)).contains("KNN CAD");
        assertThat(rows.get(12)).contains("Random", "11.0", "1.2", "19.5");
        assertThat(rows.get(13)).contains("Null", "0.0");
        assertThat(board).contains("NAB v1.1", "58-file corpus", "35 files, 55 windows");
    }

    private static NabScore.ProfileScore profile(NabProfile p, double normalized) {
        return new NabScore.ProfileScore(p, 0.5, 0, -55, 55, normalized, 0, 0, 0, List.of());
    }
}
