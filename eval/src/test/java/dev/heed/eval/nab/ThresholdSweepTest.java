package dev.heed.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sweep's threshold against brute force: a reference scorer written straight from NAB's rules
 * evaluates every candidate threshold on random corpora.
 */
class ThresholdSweepTest {
    private static final double EPS = 1e-9;
    private static final List<NabProfile> PROFILES =
            List.of(
                    new NabProfile("standard", 1.0, 0.11, 1.0, 1.0),
                    new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0, 1.0),
                    new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0, 1.0),
                    new NabProfile("generous", 2.0, 0.01, 0.5, 0.0));

    @Test
    void shouldPickTheBestOfAllCandidateThresholds() {
        Random rnd = new Random(20150101);
        for (int trial = 0; trial < 40; trial++) {
            NabCorpus corpus = randomCorpus(rnd);
            Map<String, double[]> scores = randomScores(rnd, corpus);
            NabScore score = NabScorer.score(corpus, scores);
            TreeSet<Double> candidates = new TreeSet<>();
            scores.values()
                    .forEach(
                            a -> {
                                for (double v : a) {
                                    candidates.add(v);
                                }
                            });
            candidates.add(2.0);
            for (NabProfile p : PROFILES) {
                double best = Double.NEGATIVE_INFINITY;
                for (double t : candidates) {
                    best = Math.max(best, reference(corpus, scores, p, t));
                }
                NabScore.ProfileScore s = score.profile(p.name());
                assertThat(s.raw()).as("trial %d %s", trial, p.name()).isCloseTo(best, within(EPS));
                assertThat(reference(corpus, scores, p, s.threshold()))
                        .isCloseTo(best, within(EPS));
            }
        }
    }

    @Test
    void shouldAccumulateTheSameRawScoreAsADirectEvaluation() {
        Random rnd = new Random(7);
        NabCorpus corpus = randomCorpus(rnd);
        Map<String, double[]> scores = randomScores(rnd, corpus);
        List<RowWeights> weights = corpus.series().stream().map(RowWeights::of).toList();
        double[][] ordered = NabScorer.checked(corpus, scores);
        ThresholdSweep sweep = ThresholdSweep.of(weights, ordered);
        for (NabProfile p : PROFILES) {
            ThresholdSweep.Best best = sweep.best(p);
            assertThat(
                            ThresholdEvaluation.corpus(
                                            corpus.series(), weights, ordered, p, best.threshold())
                                    .raw())
                    .isCloseTo(best.raw(), within(EPS));
        }
    }

    /** NAB's rules, row by row, with no sorting and no incremental state. */
    private static double reference(
            NabCorpus corpus, Map<String, double[]> scores, NabProfile p, double threshold) {
        double total = 0;
        for (NabSeries s : corpus.series()) {
            double[] a = scores.get(s.name());
            int probation = (int) Math.min(Math.floor(0.15 * s.size()), 750);
            List<NabWindow> ws = s.windows();
            for (NabWindow w : ws) {
                if (w.lastRow() < probation) {
                    continue;
                }
                double windowScore = -p.fnWeight();
                for (int i = Math.max(w.firstRow(), probation); i <= w.lastRow(); i++) {
                    if (a[i] >= threshold) {
                        double pos = -(w.lastRow() - i + 1) / (double) w.width();
                        windowScore = p.tpWeight() * sigmoidScaled(pos) / sigmoidScaled(-1);
                        break;
                    }
                }
                total += windowScore;
            }
            for (int i = probation; i < s.size(); i++) {
                if (a[i] < threshold || s.inWindow(i)) {
                    continue;
                }
                NabWindow prev = null;
                for (NabWindow w : ws) {
                    if (w.lastRow() < i) {
                        prev = w;
                    }
                }
                double pos = prev == null ? 3.0 : (i - prev.lastRow()) / (prev.width() - 1.0);
                total += p.fpWeight() * sigmoidScaled(pos);
            }
        }
        return total;
    }

    private static double sigmoidScaled(double y) {
        return y >= 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    private static NabCorpus randomCorpus(Random rnd) {
        List<NabSeries> series = new ArrayList<>();
        int files = 1 + rnd.nextInt(6);
        for (int f = 0; f < files; f++) {
            int n = 10 + rnd.nextInt(200);
            List<LocalDateTime> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ts.add(NabFixtures.time(i));
            }
            List<LocalDateTime[]> limits = new ArrayList<>();
            int from = rnd.nextInt(n / 3 + 1);
            while (from < n && limits.size() < 4 && rnd.nextInt(4) > 0) {
                int last = Math.min(n - 1, from + rnd.nextInt(25));
                limits.add(new LocalDateTime[] {ts.get(from), ts.get(last)});
                from = last + 1 + rnd.nextInt(n / 2 + 1);
            }
            series.add(
                    NabSeries.of(
                            "c" + f % 2 + "/f" + f + ".csv", ts, new double[n], limits, "test"));
        }
        return new NabCorpus(Path.of("random"), series, PROFILES);
    }

    private static Map<String, double[]> randomScores(Random rnd, NabCorpus corpus) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (NabSeries s : corpus.series()) {
            double[] a = new double[s.size()];
            for (int i = 0; i < a.length; i++) {
                // a mix of ties (hundredths), exact 0 and 1, and continuous values
                int kind = rnd.nextInt(4);
                a[i] =
                        kind == 0
                                ? rnd.nextInt(101) / 100.0
                                : kind == 1 ? rnd.nextInt(2) : Math.pow(rnd.nextDouble(), 4);
            }
            out.put(s.name(), a);
        }
        return out;
    }
}
