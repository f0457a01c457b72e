package dev.heed.models.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy (best path) CTC decoding: the most probable token at each step, repeats merged, blanks
 * dropped. Each token keeps its run of steps, its mean probability over the run, and the mean
 * attention of the run's steps over all steps. With a {@link SpeechDescriptor#minRepeatGap()}, a
 * run of a token that starts fewer than that many seconds after the end of a run of the same token,
 * with only blanks between, belongs to the same token (a word said once whose two halves the
 * network marked apart); the token then spans both runs, and its probability and attention are the
 * means over both runs' steps. With a {@link SpeechDescriptor#blankPenalty()}, the blank's
 * log-probability is lowered by it at every step before the best token is taken.
 */
final class CtcGreedyDecoder {

    private final List<String> vocabulary;
    private final int blank;
    private final double stepSeconds;
    private final double centreOffsetSeconds;
    private final int minGapSteps;
    private final double blankPenalty;

    CtcGreedyDecoder(List<String> vocabulary, SpeechDescriptor d) {
        this.vocabulary = vocabulary;
        this.blank = 0;
        this.stepSeconds = d.stepSeconds();
        this.centreOffsetSeconds =
                0.5 * stepSeconds + d.features().frameLength() / (2.0 * d.features().sampleRate());
        this.minGapSteps = (int) Math.ceil(d.minRepeatGap() / stepSeconds - 1e-9);
        this.blankPenalty = d.blankPenalty();
    }

    /**
     * @param logProbs {@code (T', V)} log-probabilities of one utterance
     * @param attention {@code (T', T')} head-mean attention rows (query step, key step), or null
     */
    List<SpeechToken> decode(float[][] logProbs, float[][] attention) {
        List<SpeechToken> tokens = new ArrayList<>();
        Run open = null;
        int steps = logProbs.length;
        int[] path = new int[steps];
        for (int s = 0; s < steps; s++) {
            path[s] = best(logProbs[s]);
        }
        int t = 0;
        while (t < steps) {
            int id = path[t];
            int end = t;
            while (end + 1 < steps && path[end + 1] == id) {
                end++;
            }
            if (id != blank) {
                if (open != null && open.id == id && t - open.end < minGapSteps) {
                    open.add(logProbs, attention, t, end);
                } else {
                    if (open != null) {
                        tokens.add(open.token());
                    }
                    open = new Run(id, t, attention == null ? 0 : attention[0].length);
                    open.add(logProbs, attention, t, end);
                }
            }
            t = end + 1;
        }
        if (open != null) {
            tokens.add(open.token());
        }
        return tokens;
    }

    /** One token's steps: one run, or several of the same token merged. */
    private final class Run {
        final int id;
        final int start;
        int end;
        int count;
        double probability;
        final float[] weights;

        Run(int id, int start, int keys) {
            this.id = id;
            this.start = start;
            this.weights = new float[keys];
        }

        void add(float[][] logProbs, float[][] attention, int from, int to) {
            for (int q = from; q <= to; q++) {
                probability += Math.exp(logProbs[q][id]);
                if (attention != null) {
                    for (int k = 0; k < weights.length; k++) {
                        weights[k] += attention[q][k];
                    }
                }
            }
            count += to - from + 1;
            end = to;
        }

        SpeechToken token() {
            float[] w = new float[weights.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = weights[k] / count;
            }
            return CtcGreedyDecoder.this.token(
                    id, start, end, (float) (probability / count), w, weights.length > 0);
        }
    }

    private SpeechToken token(
            int id, int start, int end, float confidence, float[] weights, boolean attended) {
        int peak = attended ? argmax(weights) : start;
        return new SpeechToken(
                vocabulary.get(id),
                id,
                start,
                end,
                start * stepSeconds,
                (end + 1) * stepSeconds,
                confidence,
                weights,
                peak,
                peak * stepSeconds + centreOffsetSeconds);
    }

    /** The step's best token, the blank lowered by {@link #blankPenalty} (argmax at 0). */
    private int best(float[] logProbs) {
        int best = 0;
        double bestValue = logProbs[0] - (blank == 0 ? blankPenalty : 0);
        for (int i = 1; i < logProbs.length; i++) {
            double v = logProbs[i] - (i == blank ? blankPenalty : 0);
            if (v > bestValue) {
                best = i;
                bestValue = v;
            }
        }
        return best;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
