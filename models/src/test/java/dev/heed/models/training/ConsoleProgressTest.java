package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.models.training.TrainingListener.BatchProgress;
import dev.heed.models.training.TrainingListener.EpochSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void shouldDrawABarPerBatchAndALinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress =
                new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.onEpochStart(2, 30, 4);
        progress.onBatch(new BatchProgress(2, 30, 2, 4, 0.5f, 1234.4, 65));
        progress.onBatch(
                new BatchProgress(2, 30, 2, 4, 0.5f, 1234.4, 65)); // same percent: no redraw
        progress.onEpochEnd(new EpochSummary(2, 30, 0.5, 0.25, 1e-3, 1.5, 3725, true));
        progress.onNanRollback(3, 7, 1, "non-finite loss");
        progress.onEarlyStop(9, 4, "no validation improvement for 5 epochs");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains(
                        "\repoch 2/30 [============>           ]  50% loss 0.5000 | 1234 win/s | ETA 1:05")
                .contains("epoch 2/30 train 0.5000 val 0.2500 lr 1.00e-03 1.5s ETA 1:02:05 *\n")
                .contains("warning: epoch 3 batch 7 rolled back (non-finite loss); 1 so far")
                .contains(
                        "stopped after epoch 9: no validation improvement for 5 epochs; keeping epoch 4");
        assertThat(out.split("win/s", -1)).hasSize(2);
    }

    @Test
    void shouldFormatUnknownDurations() {
        assertThat(ConsoleProgress.duration(Double.NaN)).isEqualTo("?");
        assertThat(ConsoleProgress.duration(59.6)).isEqualTo("1:00");
    }
}
