package dev.heed.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.HeedModelException;
import org.junit.jupiter.api.Test;

class ProtocolSplitTest {

    @Test
    void shouldKeepTheNabSplitInsideTheProbationaryPeriod() {
        DataSplit nab = DataSplit.parse("nab");
        // NAB's probationary period: min(floor(0.15 n), 750) rows.
        assertThat(ProtocolSplit.of(nab, 22695, "long.csv"))
                .isEqualTo(new ProtocolSplit(600, 750, 22695));
        ProtocolSplit small = ProtocolSplit.of(nab, 1127, "short.csv");
        assertThat(small.valEnd()).isLessThanOrEqualTo(169).isGreaterThan(160);
        assertThat(small.trainEnd()).isEqualTo(135);
        assertThat(nab.spec()).isEqualTo("nab");
    }

    @Test
    void shouldSplitEttHourlyRowsTwelveFourFourMonths() {
        ProtocolSplit split = ProtocolSplit.of(DataSplit.ETT_HOURLY, 17420, "ETTh1.csv");
        assertThat(split).isEqualTo(new ProtocolSplit(8640, 11520, 14400));
        assertThat(split.testRows()).isEqualTo(2880);
    }

    @Test
    void shouldCountEveryTestWindowWithStrideOne() {
        ProtocolSplit split = ProtocolSplit.of(DataSplit.ETT_HOURLY, 17420, "ETTh1.csv");
        assertThat(split.testWindows(336, 96)).isEqualTo(2880 - 96 + 1);
        assertThat(split.testWindows(336, 192)).isEqualTo(2689);
        assertThat(split.testWindows(512, 336)).isEqualTo(2545);
        assertThat(split.testWindows(336, 720)).isEqualTo(2161);
    }

    @Test
    void shouldTakeTheFirstLookbackFromTheRowsBeforeTheTestSplit() {
        ProtocolSplit split = ProtocolSplit.of(DataSplit.ETT_HOURLY, 17420, "ETTh1.csv");
        int windows = split.testWindows(336, 96);
        // the first window's input ends at row 8640 + 2880, its first target is row 11520
        assertThat(split.testStart(0, 336)).isEqualTo(11520 - 336);
        assertThat(split.testStart(0, 336) + 336).isEqualTo(11520);
        // the last window's last target is the last test row
        assertThat(split.testStart(windows - 1, 336) + 336 + 96).isEqualTo(14400);
    }

    @Test
    void shouldSplitFractionsLikeTrainingData() {
        ProtocolSplit split = ProtocolSplit.of(DataSplit.parse("0.7,0.1,0.2"), 1000, "f.csv");
        assertThat(split).isEqualTo(new ProtocolSplit(700, 800, 1000));
        assertThat(ProtocolSplit.of(DataSplit.parse("0.5,0.2,0.2"), 1001, "f.csv"))
                .isEqualTo(new ProtocolSplit(500, 700, 900));
    }

    @Test
    void shouldRefuseASplitNeedingMoreRowsThanTheFileHas() {
        assertThatThrownBy(() -> ProtocolSplit.of(DataSplit.ETT_HOURLY, 10000, "small.csv"))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining(
                        "split 8640,2880,2880 needs 14400 rows but small.csv has 10000");
    }

    @Test
    void shouldRefuseATestSplitShorterThanTheHorizon() {
        ProtocolSplit split = ProtocolSplit.of(DataSplit.parse("100,50,20"), 170, "f.csv");
        assertThat(split.testWindows(24, 20)).isEqualTo(1);
        assertThatThrownBy(() -> split.testWindows(24, 21))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("the test split has 20 rows")
                .hasMessageContaining("fewer than the horizon 21");
    }

    @Test
    void shouldRefuseAWindowLongerThanTheRowsBeforeTheTestSplit() {
        ProtocolSplit split = ProtocolSplit.of(DataSplit.parse("100,50,20"), 170, "f.csv");
        assertThat(split.testWindows(150, 4)).isEqualTo(17);
        assertThatThrownBy(() -> split.testWindows(151, 4))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("needs 151 rows of lookback before row 150");
    }

    @Test
    void shouldRefuseAnEmptyTrainingSplit() {
        assertThatThrownBy(() -> ProtocolSplit.of(DataSplit.parse("0.001,0.5,0.4"), 100, "f.csv"))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("leaves 0 training rows of f.csv");
    }
}
