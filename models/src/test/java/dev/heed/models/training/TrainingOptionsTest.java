package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.data.DataSplit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    private static TrainingOptions.Builder minimal() {
        return TrainingOptions.builder()
                .setDataFiles(List.of(Path.of("data/ETTh1.csv")))
                .setOutputDir(Path.of("models/etth1"))
                .setWindow(336)
                .setHorizon(96);
    }

    @Test
    void shouldFillDefaults() {
        TrainingOptions o = minimal().build();
        assertThat(o.architecture())
                .isEqualTo(
                        new ModelDescriptor.Architecture(
                                "patch-transformer", 64, 4, 2, 128, 8, 8, 0.1));
        assertThat(o.globalNormalize()).isTrue();
        assertThat(o.split()).isEqualTo(DataSplit.DEFAULT);
        assertThat(o.name()).isEqualTo("etth1");
        assertThat(o.batchSize()).isEqualTo(64);
        assertThat(o.maxEpochs()).isEqualTo(30);
        assertThat(o.patience()).isEqualTo(5);
        assertThat(o.seed()).isEqualTo(42);
        assertThat(minimal().optChannelIndependent(true).build().globalNormalize()).isFalse();
    }

    @Test
    void shouldNameTheBadValue() {
        assertThatThrownBy(() -> minimal().setWindow(-3).build())
                .isInstanceOf(HeedModelException.class)
                .hasMessage("window must be > 0: -3");
        assertThatThrownBy(() -> minimal().optHeads(3).build())
                .hasMessage("d_model must be divisible by heads: 64 % 3 = 1");
        assertThatThrownBy(() -> minimal().setWindow(4).build())
                .hasMessage("patch_len must be <= window: 8 > 4");
        assertThatThrownBy(
                        () ->
                                minimal()
                                        .optChannelIndependent(true)
                                        .optGlobalNormalize(true)
                                        .build())
                .hasMessageContaining("global normalisation needs fixed variables");
    }

    @Test
    void shouldParseFractionAndRowCountSplits() {
        assertThat(DataSplit.parse("0.7,0.1,0.2")).isEqualTo(new DataSplit(0.7, 0.1, 0.2, false));
        DataSplit ett = DataSplit.parse("8640, 2880, 2880");
        assertThat(ett).isEqualTo(new DataSplit(8640, 2880, 2880, true));
        assertThat(ett.spec()).isEqualTo("8640,2880,2880");
        assertThatThrownBy(() -> DataSplit.parse("0.8,0.2,0.2"))
                .hasMessage("split fractions must sum to <= 1: 0.8 + 0.2 + 0.2");
        assertThatThrownBy(() -> DataSplit.parse("0.8,0.2"))
                .hasMessageContaining("split must be train,val,test");
    }
}
