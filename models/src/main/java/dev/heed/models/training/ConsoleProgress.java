package dev.heed.models.training;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws training progress on a terminal: a one-line bar redrawn in place per batch (loss,
 * windows/s, ETA) and one line per epoch. The CLI passes {@code System.err}.
 */
public final class ConsoleProgress implements TrainingListener {

    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private int lastPercent = -1;
    private boolean lineOpen;

    public ConsoleProgress(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        lastPercent = -1;
    }

    @Override
    public void onBatch(BatchProgress p) {
        int percent = p.batches() == 0 ? 100 : p.batch() * 100 / p.batches();
        if (percent == lastPercent && p.batch() != p.batches()) {
            return;
        }
        lastPercent = percent;
        int filled = percent * BAR_WIDTH / 100;
        String bar =
                "=".repeat(filled)
                        + (filled < BAR_WIDTH ? ">" : "")
                        + " ".repeat(Math.max(0, BAR_WIDTH - filled - 1));
        out.print(
                String.format(
                        Locale.ROOT,
                        "\repoch %d/%d [%s] %3d%% loss %.4f | %.0f win/s | ETA %s ",
                        p.epoch(),
                        p.epochs(),
                        bar,
                        percent,
                        p.loss(),
                        p.windowsPerSecond(),
                        duration(p.etaSeconds())));
        out.flush();
        lineOpen = true;
    }

    @Override
    public void onEpochEnd(EpochSummary s) {
        endLine();
        out.println(
                String.format(
                        Locale.ROOT,
                        "epoch %d/%d train %.4f val %.4f lr %.2e %.1fs ETA %s%s",
                        s.epoch(),
                        s.epochs(),
                        s.trainLoss(),
                        s.valMse(),
                        s.learningRate(),
                        s.seconds(),
                        duration(s.etaSeconds()),
                        s.improved() ? " *" : ""));
    }

    @Override
    public void onNanRollback(int epoch, int batch, int total, String reason) {
        endLine();
        out.println(
                String.format(
                        Locale.ROOT,
                        "warning: epoch %d batch %d rolled back (%s); %d so far",
                        epoch,
                        batch,
                        reason,
                        total));
    }

    @Override
    public void onEarlyStop(int epoch, int bestEpoch, String reason) {
        endLine();
        out.println(
                String.format(
                        Locale.ROOT,
                        "stopped after epoch %d: %s; keeping epoch %d",
                        epoch,
                        reason,
                        bestEpoch));
    }

    private void endLine() {
        if (lineOpen) {
            out.print("\r" + " ".repeat(100) + "\r");
            lineOpen = false;
        }
    }

    /** Seconds as {@code h:mm:ss} or {@code m:ss}; {@code ?} when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
