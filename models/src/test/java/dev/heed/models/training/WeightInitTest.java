package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.HeedModelException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightInitTest {

    @Test
    void shouldParseWireNamesAndListThemOnError() {
        assertThat(WeightInit.parse(" Torch ")).isEqualTo(WeightInit.TORCH);
        assertThat(WeightInit.parse("xavier")).isEqualTo(WeightInit.XAVIER);
        assertThatThrownBy(() -> WeightInit.parse("kaiming"))
                .isInstanceOf(HeedModelException.class)
                .hasMessage("weight init must be xavier or torch: 'kaiming'");
    }

    @Test
    void shouldKeepXavierAsTheTrainingDefault() {
        TrainingOptions.Builder b =
                TrainingOptions.builder()
                        .setDataFiles(List.of(Path.of("a.csv")))
                        .setOutputDir(Path.of("m"))
                        .setWindow(32)
                        .setHorizon(4);
        assertThat(b.build().weightInit()).isEqualTo(WeightInit.XAVIER);
        assertThat(b.optWeightInit(WeightInit.TORCH).build().weightInit())
                .isEqualTo(WeightInit.TORCH);
    }
}
