package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.heed.models.HeedModelException;
import dev.heed.models.data.DataSplit;
import dev.heed.models.testing.SineData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {

    @TempDir Path temp;

    private TrainingOptions.Builder options(Path... files) {
        return TrainingOptions.builder()
                .setDataFiles(List.of(files))
                .setOutputDir(temp.resolve("out"))
                .setWindow(32)
                .setHorizon(4);
    }

    @Test
    void shouldSplitChronologicallyWithLookbackFromThePrecedingRows() throws Exception {
        Path csv = SineData.write(temp.resolve("s.csv"), 1000, 1);
        TrainingData data = TrainingData.load(options(csv).build());
        // rows: train [0, 700), val [700, 800), test [800, 1000)
        assertThat(data.train.size()).isEqualTo(700 - 36 + 1);
        assertThat(data.val.size()).isEqualTo(100 - 4 + 1);
        assertThat(data.test.size()).isEqualTo(200 - 4 + 1);
        assertThat(data.val.start(0)).isEqualTo(700 - 32);
        assertThat(data.test.start(0)).isEqualTo(800 - 32);
        assertThat(data.variables).containsExactly("a", "b");
        assertThat(data.rows).containsEntry(csv.toString(), 1000);
    }

    @Test
    void shouldSplitByExplicitRowCounts() throws Exception {
        Path csv = SineData.write(temp.resolve("s.csv"), 1000, 1);
        TrainingData data =
                TrainingData.load(options(csv).optSplit(DataSplit.parse("600,200,100")).build());
        assertThat(data.train.size()).isEqualTo(600 - 36 + 1);
        assertThat(data.val.size()).isEqualTo(200 - 4 + 1);
        assertThat(data.test.size()).isEqualTo(100 - 4 + 1);
        assertThatThrownBy(
                        () ->
                                TrainingData.load(
                                        options(csv)
                                                .optSplit(DataSplit.parse("600,400,200"))
                                                .build()))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("split 600,400,200 needs 1200 rows but " + csv + " has 1000");
    }

    @Test
    void shouldZScoreWithTrainingRowsOnly() throws Exception {
        Path csv = SineData.write(temp.resolve("s.csv"), 1000, 1);
        TrainingData data = TrainingData.load(options(csv).build());
        float[][] s = data.series.get(0);
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            double squares = 0;
            for (int r = 0; r < 700; r++) {
                sum += s[c][r];
                squares += s[c][r] * (double) s[c][r];
            }
            assertThat(sum / 700).isCloseTo(0, within(1e-4));
            assertThat(squares / 700).isCloseTo(1, within(1e-3));
        }
        assertThat(data.normalization.mean().get(1)).isCloseTo(100, within(0.5));
        assertThat(data.normalization.std().get(1)).isCloseTo(10 / Math.sqrt(2), within(0.3));
    }

    @Test
    void shouldMakeEveryColumnOfEveryFileItsOwnSeriesWhenChannelIndependent() throws Exception {
        Path a = SineData.write(temp.resolve("a.csv"), 500, 1);
        Path b = SineData.write(temp.resolve("b.csv"), 400, 2);
        TrainingData data = TrainingData.load(options(a, b).optChannelIndependent(true).build());
        assertThat(data.variables).containsExactly("*");
        assertThat(data.channels).isEqualTo(1);
        assertThat(data.series).hasSize(4);
        assertThat(data.normalization.isEmpty()).isTrue();
        assertThat(data.train.size()).isEqualTo(2 * (350 - 36 + 1) + 2 * (280 - 36 + 1));
    }

    @Test
    void shouldSelectANamedTargetColumn() throws Exception {
        Path nab = temp.resolve("nab.csv");
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int r = 0; r < 300; r++) {
            csv.append("2014-04-01 00:").append(r).append(",").append(r % 7).append('\n');
        }
        Files.writeString(nab, csv);
        TrainingData data = TrainingData.load(options(nab).optTarget("value").build());
        assertThat(data.variables).containsExactly("value");
        assertThatThrownBy(() -> TrainingData.load(options(nab).optTarget("temp").build()))
                .hasMessageContaining("no column 'temp'; columns are [value]");
    }

    @Test
    void shouldNameTheFileLineAndColumnOfABadValue() throws Exception {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "date,a,b\n2026-01-01,1.0,2.0\n2026-01-02,1.5,abc\n");
        assertThatThrownBy(() -> TrainingData.load(options(bad).build()))
                .isInstanceOf(HeedModelException.class)
                .hasMessage(bad + " line 3 column b: not a finite number: 'abc'");
    }

    @Test
    void shouldRequireTheSameColumnsInEveryFileOfAFixedVariableModel() throws Exception {
        Path a = SineData.write(temp.resolve("a.csv"), 500, 1);
        Path other = temp.resolve("other.csv");
        Files.writeString(other, "date,x\n1,1\n");
        assertThatThrownBy(() -> TrainingData.load(options(a, other).build()))
                .hasMessageContaining("has target columns [x] but " + a + " has [a, b]");
    }

    @Test
    void shouldExplainWhenASplitHasNoWindows() throws Exception {
        Path small = SineData.write(temp.resolve("small.csv"), 40, 1);
        assertThatThrownBy(() -> TrainingData.load(options(small).build()))
                .hasMessageContaining("no training windows")
                .hasMessageContaining("window + horizon = 36");
    }
}
