package dev.heed.eval.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heed.models.forecasting.ForecastModel;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped white-box task, a hand-written function of known steps (a product among them), run
 * through the benchmark: known answers for the attribution code and the scoring.
 */
class WhiteBoxTaskTest {

    @Test
    void shouldFindExactlyTheStepsOfTheHandWrittenFunction() {
        AttentionTask task = AttentionTask.shipped("white-box");
        AttentionBenchmark.Result r;
        try (ForecastModel model = TaskModel.whiteBox(task)) {
            r = AttentionBenchmark.score(task, task.seed(), 64, model);
        }
        Map<String, AttentionBenchmark.Row> rows =
                r.rows().stream().collect(Collectors.toMap(AttentionBenchmark.Row::method, x -> x));
        for (String m : new String[] {"relevance", "gradient_x_input", "integrated_gradients"}) {
            assertThat(rows.get(m).auprc()).as(m).isCloseTo(1.0, within(1e-9));
            assertThat(rows.get(m).share()).as(m).isCloseTo(1.0, within(1e-6));
            assertThat(rows.get(m).precision()).as(m).isCloseTo(1.0, within(1e-9));
            assertThat(rows.get(m).deletionRatio()).as(m).isGreaterThan(2.0);
        }
        // no attention: its summaries, and the baselines, score about the ground truth's share
        double gt = r.groundTruthShare();
        for (String m : new String[] {"uniform", "random", "rollout"}) {
            assertThat(rows.get(m).share()).as(m).isCloseTo(gt, within(0.05));
            assertThat(rows.get(m).auprc()).as(m).isLessThan(0.4);
        }
        assertThat(rows.get("newest").share()).isZero();
    }
}
