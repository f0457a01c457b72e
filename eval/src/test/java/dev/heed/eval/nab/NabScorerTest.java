package dev.heed.eval.nab;

import static dev.heed.eval.nab.NabFixtures.hits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.heed.streams.HeedStreamsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed cases on a 20-row file: probationary rows 0..2 (floor(0.15 * 20) = 3), one window
 * on rows [8..11] (width 4). Profile standard: tpWeight 1, fpWeight 0.11, fnWeight 1, so null = -1
 * and perfect = 1. Each detection is a 1.0 among zeros, so the optimised threshold is 1.0 when
 * detecting scores above -1.
 */
class NabScorerTest {
    private static final double EPS = 1e-12;
    private static final String F = "cat/x.csv";

    @TempDir Path dir;

    private NabScore.ProfileScore standard(double[] scores) throws Exception {
        NabCorpus c = new NabFixtures(dir).file(F, 20, new int[] {8, 11}).load();
        return NabScorer.score(c, Map.of(F, scores)).profile(NabProfile.STANDARD);
    }

    @Test
    void shouldScoreTpWeightForADetectionAtTheWindowsFirstRow() throws Exception {
        // row 8: position -(11 - 8 + 1) / 4 = -1 -> scaledSigmoid(-1) * 1 / scaledSigmoid(-1) = 1
        NabScore.ProfileScore s = standard(hits(20, 8));
        assertThat(s.raw()).isEqualTo(1.0);
        assertThat(s.threshold()).isEqualTo(1.0);
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.falsePositives()).isZero();
    }

    @Test
    void shouldScoreLessForADetectionAtTheWindowsLastRow() throws Exception {
        // row 11: position -1/4 -> (2 sigmoid(5/4) - 1) / (2 sigmoid(5) - 1)
        //   = tanh(0.625) / tanh(2.5) = 0.5545997223 / 0.9866142982 = 0.5621241486
        NabScore.ProfileScore s = standard(hits(20, 11));
        double sigmoid = 1 / (1 + Math.exp(-5.0 / 4));
        assertThat(s.raw())
                .isCloseTo((2 * sigmoid - 1) / RowWeights.scaledSigmoid(-1), within(EPS));
        assertThat(s.raw()).isCloseTo(0.5621241486044827, within(EPS));
    }

    @Test
    void shouldPenaliseADetectionAfterTheWindowWithADecayingFpScore() throws Exception {
        // row 13: |11 - 13| / (4 - 1) = 2/3 -> 0.11 * (2 sigmoid(-10/3) - 1) = 0.11 * -0.9311096087
        //   = -0.1024220570; with row 8 detected: 1 - 0.1024220570 = 0.8975779430
        NabScore.ProfileScore s = standard(hits(20, 8, 13));
        assertThat(s.raw()).isCloseTo(1 - 0.10242205695343354, within(EPS));
        assertThat(s.falsePositives()).isEqualTo(1);
        // row 12 is nearer the window: 0.11 * -tanh(5/6) = -0.0750488 > -0.1024221
        assertThat(standard(hits(20, 8, 12)).raw())
                .isCloseTo(1 - 0.11 * 0.6822617902381697, within(EPS));
    }

    @Test
    void shouldCountOnlyTheEarliestDetectionInAWindow() throws Exception {
        // rows 8..11 all detected: the window scores max = row 8's 1.0, not a sum
        NabScore.ProfileScore all = standard(hits(20, 8, 9, 10, 11));
        assertThat(all.raw()).isEqualTo(1.0);
        assertThat(all.truePositives()).isEqualTo(1);
        // rows 9 and 11: row 9 at -3/4 -> tanh(1.875) / tanh(2.5) = 0.9669890878
        assertThat(standard(hits(20, 9, 11)).raw()).isCloseTo(0.9669890878000605, within(EPS));
    }

    @Test
    void shouldChargeFullFpWeightBeforeAnyWindow() throws Exception {
        // row 5: no window has ended -> position 3 -> -1 * 0.11; plus row 8: 1 - 0.11 = 0.89
        assertThat(standard(hits(20, 5, 8)).raw()).isCloseTo(0.89, within(EPS));
    }

    @Test
    void shouldIgnoreProbationaryRows() throws Exception {
        // row 2 is probationary (rows 0..2): its detection is neither a FP nor counted
        NabScore.ProfileScore s = standard(hits(20, 2, 8));
        assertThat(s.raw()).isEqualTo(1.0);
        assertThat(s.falsePositives()).isZero();
    }

    @Test
    void shouldIgnoreWindowsInsideTheProbationaryPeriodAndScoreStraddlingOnes() throws Exception {
        // window [0..2] is wholly probationary: not counted. Window [1..4] straddles: counted, and
        // a
        // detection at its first scored row 3 (position -(4 - 3 + 1) / 4 = -0.5) earns
        // tanh(1.25) / tanh(2.5) = 0.8597925669
        NabCorpus c =
                new NabFixtures(dir)
                        .file("a/in.csv", 20, new int[] {0, 2})
                        .file("a/straddle.csv", 20, new int[] {1, 4})
                        .load();
        NabScore score =
                NabScorer.score(
                        c, Map.of("a/in.csv", hits(20, 1), "a/straddle.csv", hits(20, 1, 3)));
        NabScore.ProfileScore s = score.profile(NabProfile.STANDARD);
        assertThat(score.windows()).isEqualTo(1);
        assertThat(s.nullScore()).isEqualTo(-1.0);
        assertThat(s.perfect()).isEqualTo(1.0);
        assertThat(s.raw()).isCloseTo(0.8597925669097837, within(EPS));
        assertThat(s.files().get(0).raw()).isZero();
    }

    @Test
    void shouldChargeFnWeightForAMissedWindow() throws Exception {
        NabCorpus c = new NabFixtures(dir).file(F, 20, new int[] {8, 11}).load();
        RowWeights rw = RowWeights.of(c.series(F));
        for (NabProfile p : c.profiles()) {
            // no detection at threshold 0.5: -fnWeight (1, 1, 2)
            NabScore.FileScore f = ThresholdEvaluation.file(F, rw, new double[20], p, 0.5);
            assertThat(f.raw()).isEqualTo(-p.fnWeight());
            assertThat(f.falseNegatives()).isEqualTo(1);
        }
    }

    @Test
    void shouldNormaliseTheNullDetectorToZero() throws Exception {
        // constant 0.5 on 100 rows, window [50..53]: detecting everything costs far more than the
        // window's 1 + fnWeight, so the optimum is no detection: raw = null
        NabCorpus c =
                new NabFixtures(dir)
                        .file("a/x.csv", 100, new int[] {50, 53})
                        .file("b/y.csv", 100)
                        .load();
        double[] half = new double[100];
        Arrays.fill(half, 0.5);
        NabScore score = NabScorer.score(c, Map.of("a/x.csv", half, "b/y.csv", half));
        for (NabScore.ProfileScore s : score.profiles()) {
            assertThat(s.normalized()).isZero();
            assertThat(s.raw()).isEqualTo(s.nullScore()).isEqualTo(-s.profile().fnWeight());
            assertThat(s.threshold()).isGreaterThan(0.5);
            assertThat(s.falseNegatives()).isEqualTo(1);
        }
    }

    @Test
    void shouldNormaliseThePerfectDetectorToHundred() throws Exception {
        NabCorpus c =
                new NabFixtures(dir)
                        .file("a/x.csv", 100, new int[] {30, 40}, new int[] {60, 61})
                        .file("b/y.csv", 40, new int[] {10, 20})
                        .file("b/z.csv", 50)
                        .load();
        NabScore score =
                NabScorer.score(
                        c,
                        Map.of(
                                "a/x.csv",
                                hits(100, 30, 60),
                                "b/y.csv",
                                hits(40, 10),
                                "b/z.csv",
                                hits(50)));
        assertThat(score.windows()).isEqualTo(3);
        for (NabScore.ProfileScore s : score.profiles()) {
            // perfect = 3 * tpWeight, null = -3 * fnWeight
            assertThat(s.perfect()).isEqualTo(3.0);
            assertThat(s.nullScore()).isEqualTo(-3 * s.profile().fnWeight());
            assertThat(s.normalized()).isCloseTo(100.0, within(EPS));
            assertThat(s.truePositives()).isEqualTo(3);
        }
    }

    @Test
    void shouldRejectMissingShortOrOutOfRangeScores() throws Exception {
        NabCorpus c = new NabFixtures(dir).file(F, 20, new int[] {8, 11}).load();
        assertThatThrownBy(() -> NabScorer.score(c, Map.of()))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("no anomaly scores for NAB file " + F);
        assertThatThrownBy(() -> NabScorer.score(c, Map.of(F, new double[19])))
                .hasMessageContaining("20 rows but 19 anomaly scores");
        double[] bad = new double[20];
        bad[7] = 1.5;
        assertThatThrownBy(() -> NabScorer.score(c, Map.of(F, bad)))
                .hasMessageContaining(F + " row 7")
                .hasMessageContaining("[0, 1]: 1.5");
        assertThatThrownBy(
                        () ->
                                NabScorer.score(
                                        c, Map.of(F, new double[20], "z/q.csv", new double[3])))
                .hasMessageContaining("[z/q.csv]");
    }
}
