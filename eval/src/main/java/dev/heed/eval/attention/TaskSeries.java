package dev.heed.eval.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * One series drawn from a task's process, with what a forecaster at step T could know for sure: the
 * oracle forecast (the process without its future noise) and the steps it depends on.
 */
final class TaskSeries {

    private static final int BURN_IN = 500;

    private final AttentionTask task;
    private final double[] x;
    private final double[] background;
    private final BitSet spikes = new BitSet();
    private final double[] spikeSize;

    private TaskSeries(AttentionTask task, int length, Random random) {
        this.task = task;
        int n = length + BURN_IN;
        double[] all = new double[n];
        double[] back = new double[n];
        double[] size = new double[n];
        switch (task.kind()) {
            case "lags":
                for (int t = 0; t < n; t++) {
                    double v = task.noise() * random.nextGaussian();
                    for (AttentionTask.Lag l : task.lags()) {
                        if (t - l.lag() >= 0) {
                            v += l.weight() * all[t - l.lag()];
                        }
                    }
                    all[t] = v;
                }
                break;
            case "events":
                events(all, back, size, random);
                break;
            default:
                for (int t = 0; t < n; t++) {
                    all[t] = random.nextGaussian();
                }
        }
        x = Arrays.copyOfRange(all, BURN_IN, n);
        background = Arrays.copyOfRange(back, BURN_IN, n);
        spikeSize = Arrays.copyOfRange(size, BURN_IN, n);
        for (int t = 0; t < spikeSize.length; t++) {
            if (spikeSize[t] != 0) {
                spikes.set(t);
            }
        }
    }

    private void events(double[] all, double[] back, double[] size, Random random) {
        AttentionTask.Background b = task.background();
        AttentionTask.Events e = task.events();
        int burstLeft = 0;
        double ar = 0;
        for (int t = 0; t < all.length; t++) {
            ar = b.ar() * ar + task.noise() * random.nextGaussian();
            double season = b.amplitude() * Math.sin(2 * Math.PI * t / b.period());
            back[t] = season + b.ar() * (t > 0 ? ar : 0);
            double v = season + ar;
            if (burstLeft == 0 && random.nextDouble() < e.bursts()) {
                burstLeft = e.burstLength();
            }
            if (burstLeft > 0) {
                v += e.burstScale() * task.noise() * random.nextGaussian();
                burstLeft--;
            }
            if (random.nextDouble() < e.rate()) {
                size[t] =
                        (random.nextBoolean() ? 1 : -1)
                                * e.spike()
                                * (0.8 + 0.4 * random.nextDouble());
                v += size[t];
            }
            if (t - e.delay() >= 0 && size[t - e.delay()] != 0) {
                v += e.gain() * size[t - e.delay()];
            }
            all[t] = v;
        }
    }

    /** A series of {@code length} steps (after a burn-in that is dropped). */
    static TaskSeries draw(AttentionTask task, int length, long seed) {
        return new TaskSeries(task, length, new Random(seed));
    }

    int length() {
        return x.length;
    }

    double[] values() {
        return x;
    }

    /** The window of {@code task.window()} steps ending at {@code end} (inclusive). */
    float[] window(int end) {
        float[] w = new float[task.window()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) x[end - w.length + 1 + i];
        }
        return w;
    }

    /** The {@code horizon} values after {@code end}. */
    double[] future(int end) {
        return Arrays.copyOfRange(x, end + 1, end + 1 + task.horizon());
    }

    /** The steps of the window ending at {@code end} that the oracle forecast depends on. */
    BitSet groundTruth(int end) {
        BitSet gt = new BitSet(task.window());
        int first = end - task.window() + 1;
        for (int h = 1; h <= task.horizon(); h++) {
            for (int lag : lags()) {
                mark(gt, end + h - lag, first);
            }
            if ("events".equals(task.kind())) {
                int e = end + h - task.events().delay();
                if (e >= 0 && spikes.get(e)) {
                    mark(gt, e, first);
                }
            }
        }
        return gt;
    }

    private void mark(BitSet gt, int step, int first) {
        if (step >= first && step < first + task.window()) {
            gt.set(step - first);
        }
    }

    private List<Integer> lags() {
        List<Integer> out = new ArrayList<>();
        if ("lags".equals(task.kind())) {
            for (AttentionTask.Lag l : task.lags()) {
                out.add(l.lag());
            }
        } else if ("white_box".equals(task.kind())) {
            for (AttentionTask.Term term : task.terms()) {
                out.addAll(term.lags());
            }
        }
        return out;
    }

    /** The forecast that knows the process: everything but the future noise. */
    double[] oracle(int end) {
        double[] y = new double[task.horizon()];
        for (int h = 1; h <= task.horizon(); h++) {
            int at = end + h;
            double v = 0;
            switch (task.kind()) {
                case "lags":
                    for (AttentionTask.Lag l : task.lags()) {
                        v += l.weight() * x[at - l.lag()];
                    }
                    break;
                case "events":
                    AttentionTask.Background b = task.background();
                    v = b.amplitude() * Math.sin(2 * Math.PI * (at + BURN_IN) / b.period());
                    int e = at - task.events().delay();
                    if (e >= 0) {
                        v += task.events().gain() * spikeSize[e];
                    }
                    break;
                default:
                    v = Double.NaN;
            }
            y[h - 1] = v;
        }
        return y;
    }
}
