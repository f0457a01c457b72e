package dev.heed.models.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy (best path) CTC decoding: the most probable token at each step, repeats merged, blanks
 * dropped. Each token keeps its run of steps, its mean probability over the run, and the mean
 * attention of the run's steps over all steps.
 */
final class CtcGreedyDecoder {

    private final List<String> vocabulary;
    private final int blank;
    private final double stepSeconds;
    private final double centreOffsetSeconds;

    CtcGreedyDecoder(List<String> vocabulary, SpeechDescriptor d) {
        this.vocabulary = vocabulary;
        this.blank = 0;
        this.stepSeconds = d.stepSeconds();
        this.centreOffsetSeconds =
                0.5 * stepSeconds + d.features().frameLength() / (2.0 * d.features().sampleRate());
    }

    /**
     * @param logProbs {@code (T', V)} log-probabilities of one utterance
     * @param attention {@code (T', T')} head-mean attention rows (query step, key step), or null
     */
    List<SpeechToken> decode(float[][] logProbs, float[][] attention) {
        List<SpeechToken> tokens = new ArrayList<>();
        int steps = logProbs.length;
        int t = 0;
        while (t < steps) {
            int id = argmax(logProbs[t]);
            int end = t;
            double probability = Math.exp(logProbs[t][id]);
            while (end + 1 < steps && argmax(logProbs[end + 1]) == id) {
                end++;
                probability += Math.exp(logProbs[end][id]);
            }
            if (id != blank) {
                tokens.add(token(id, t, end, (float) (probability / (end - t + 1)), attention));
            }
            t = end + 1;
        }
        return tokens;
    }

    private SpeechToken token(int id, int start, int end, float confidence, float[][] attention) {
        float[] weights = new float[0];
        int peak = start;
        if (attention != null) {
            weights = new float[attention[0].length];
            for (int q = start; q <= end; q++) {
                for (int k = 0; k < weights.length; k++) {
                    weights[k] += attention[q][k] / (end - start + 1);
                }
            }
            peak = argmax(weights);
        }
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
