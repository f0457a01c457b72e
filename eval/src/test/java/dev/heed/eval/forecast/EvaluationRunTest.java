package dev.heed.eval.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Normalization;
import dev.heed.models.data.CsvTable;
import dev.heed.models.testing.SineData;
import dev.heed.models.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRunTest {

    @TempDir Path temp;

    @Test
    void shouldSliceEveryColumnOfAWindow() {
        float[][] columns = {{0, 1, 2, 3, 4, 5}, {10, 11, 12, 13, 14, 15}};
        float[][] window = EvaluationRun.slice(columns, 2, 3);
        assertThat(window).isDeepEqualTo(new float[][] {{2, 3, 4}, {12, 13, 14}});
    }

    @Test
    void shouldFeedAFixedVariableModelInItsOwnOrder() throws Exception {
        CsvTable table = CsvTable.read(SineData.write(temp.resolve("s.csv"), 10, 1));
        ModelDescriptor model = TestModels.descriptor(List.of("b", "a"), 8, 2, Normalization.NONE);
        assertThat(EvaluationRun.variables(model, table)).containsExactly("b", "a");
    }

    @Test
    void shouldFeedAChannelIndependentModelEveryColumn() throws Exception {
        CsvTable table = CsvTable.read(SineData.write(temp.resolve("s.csv"), 10, 1));
        ModelDescriptor model = TestModels.descriptor(List.of("*"), 8, 2, Normalization.NONE);
        assertThat(EvaluationRun.variables(model, table)).containsExactly("a", "b");
    }

    @Test
    void shouldRefuseAModelWhoseVariablesAreNotTheFilesColumns() throws Exception {
        Path csv = SineData.write(temp.resolve("s.csv"), 10, 1);
        CsvTable table = CsvTable.read(csv);
        ModelDescriptor other = TestModels.descriptor(List.of("a", "OT"), 8, 2, Normalization.NONE);
        assertThatThrownBy(() -> EvaluationRun.variables(other, table))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining(
                        "forecasts variables [a, OT] but " + csv + " has columns [a, b]")
                .hasMessageContaining("channel-independent");
        ModelDescriptor fewer = TestModels.descriptor(List.of("a"), 8, 2, Normalization.NONE);
        assertThatThrownBy(() -> EvaluationRun.variables(fewer, table))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("forecasts variables [a] but");
    }
}
