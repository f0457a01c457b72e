package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.eval.bench.SensorScenario.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static Result r(String design, int rate, double windows, double p99) {
        return new Result(
                design,
                10,
                1,
                rate,
                windows * 8,
                windows,
                p99 / 2,
                p99,
                100,
                1,
                1,
                64,
                32,
                0.5,
                new CpuSplit.Cores(1, 0.5, 0.2, 0.1));
    }

    @Test
    void shouldCompareHeedsBestRunWithinTheBaselinesP99() {
        List<Result> runs =
                List.of(
                        r("per-record", 2000, 250, 300),
                        r("per-record", 0, 400, 900),
                        r("heed", 2000, 250, 350),
                        r("heed", 8000, 1000, 600),
                        r("heed", 0, 3000, 1500));
        Report.Ratio q = Report.ratio(runs, 10, 1).orElseThrow();
        assertThat(q.baseline().windowsPerSecond()).isEqualTo(400);
        assertThat(q.heed().windowsPerSecond()).isEqualTo(1000);
        assertThat(q.value()).isEqualTo(2.5);
    }

    @Test
    void shouldTakeMediansPerDesignSeriesAndRate() {
        List<Result> runs =
                List.of(
                        r("heed", 0, 100, 10),
                        r("heed", 0, 300, 30),
                        r("heed", 0, 200, 90),
                        r("per-record", 0, 50, 5));
        List<Result> m = Report.medians(runs);
        assertThat(m).hasSize(2);
        assertThat(m.get(0).windowsPerSecond()).isEqualTo(200);
        assertThat(m.get(0).p99Ms()).isEqualTo(30);
    }

    @Test
    void shouldHaveNoRatioWithoutABaselineSample() {
        assertThat(Report.ratio(List.of(r("heed", 0, 100, 10)), 10, 1)).isEmpty();
    }
}
