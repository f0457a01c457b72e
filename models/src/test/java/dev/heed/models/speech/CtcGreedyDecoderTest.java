package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcGreedyDecoderTest {

    /** 10 ms frames, 4 per output step: 40 ms steps; plain CTC decoding. */
    private static final SpeechDescriptor D = descriptor(0);

    private static SpeechDescriptor descriptor(double minRepeatGap) {
        return descriptor(minRepeatGap, 0);
    }

    private static SpeechDescriptor descriptor(double minRepeatGap, double blankPenalty) {
        return new SpeechDescriptor(
                "djl",
                null,
                "t",
                "1",
                null,
                new SpeechDescriptor.Features("log-mel", 8000, 200, 80, 256, 40, 20, 4000, 0.97),
                null,
                false,
                false,
                null,
                0,
                minRepeatGap,
                blankPenalty,
                4,
                "vocab.txt",
                null,
                "model.params",
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static float[] log(float... p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(p[i]);
        }
        return out;
    }

    @Test
    void shouldMergeRepeatsDropBlanksAndKeepRepeatedWordsSplitByABlank() {
        // best path: a a - a b - : tokens a (0-1), a (3), b (4)
        float[][] lp = {
            log(0.1f, 0.8f, 0.1f), log(0.3f, 0.6f, 0.1f), log(0.7f, 0.2f, 0.1f),
            log(0.1f, 0.5f, 0.4f), log(0.2f, 0.1f, 0.7f), log(0.9f, 0.05f, 0.05f)
        };
        List<SpeechToken> tokens =
                new CtcGreedyDecoder(List.of("<blank>", "a", "b"), D).decode(lp, null);
        assertThat(tokens).extracting(SpeechToken::text).containsExactly("a", "a", "b");
        SpeechToken first = tokens.get(0);
        assertThat(first.startStep()).isZero();
        assertThat(first.endStep()).isEqualTo(1);
        assertThat(first.confidence()).isCloseTo(0.7f, within(1e-5f)); // mean of 0.8 and 0.6
        // 4 frames of 10 ms per step
        assertThat(first.startSeconds()).isZero();
        assertThat(first.endSeconds()).isCloseTo(0.08, within(1e-9));
        assertThat(tokens.get(2).startSeconds()).isCloseTo(0.16, within(1e-9));
        assertThat(first.attention()).isEmpty();
    }

    @Test
    void shouldAverageTheAttentionRowsOfATokensRunAndFindItsPeak() {
        float[][] lp = {log(0.1f, 0.9f), log(0.2f, 0.8f), log(0.9f, 0.1f)};
        float[][] attention = {{0.5f, 0.3f, 0.2f}, {0.1f, 0.1f, 0.8f}, {1f, 0f, 0f}};
        SpeechToken t =
                new CtcGreedyDecoder(List.of("<blank>", "a"), D).decode(lp, attention).get(0);
        assertThat(t.attention()).containsExactly(new float[] {0.3f, 0.2f, 0.5f}, within(1e-6f));
        assertThat(t.peakStep()).isEqualTo(2);
        // centre of step 2: 2 * 0.04 + 0.02 + half a 25 ms frame
        assertThat(t.peakSeconds()).isCloseTo(0.08 + 0.02 + 0.0125, within(1e-9));
    }

    /** {@link #D} with a minimum repeat gap of 0.24 s: 6 steps of 40 ms. */
    private static final SpeechDescriptor GAP = descriptor(0.24);

    private static float[][] path(int... best) {
        float[][] lp = new float[best.length][];
        for (int t = 0; t < best.length; t++) {
            float[] p = {0.05f, 0.05f, 0.05f};
            p[best[t]] = 0.9f;
            lp[t] = log(p);
        }
        return lp;
    }

    @Test
    void shouldTakeAWordRepeatedWithinTheMinimumGapAsOneWord() {
        // a a - - a b: the second run of a starts 3 steps after the first ends
        float[][] lp = path(1, 1, 0, 0, 1, 2);
        float[][] attention = new float[6][6];
        for (int q = 0; q < 6; q++) {
            attention[q][q] = 1f; // each step attends to itself
        }
        List<String> vocab = List.of("<blank>", "a", "b");
        assertThat(new CtcGreedyDecoder(vocab, D).decode(lp, attention))
                .extracting(SpeechToken::text)
                .containsExactly("a", "a", "b");
        List<SpeechToken> merged = new CtcGreedyDecoder(vocab, GAP).decode(lp, attention);
        assertThat(merged).extracting(SpeechToken::text).containsExactly("a", "b");
        SpeechToken a = merged.get(0);
        assertThat(a.startStep()).isZero();
        assertThat(a.endStep()).isEqualTo(4);
        assertThat(a.confidence()).isCloseTo(0.9f, within(1e-5f));
        // the mean of the three a steps' rows, not of the blanks between
        assertThat(a.attention())
                .containsExactly(new float[] {1 / 3f, 1 / 3f, 0, 0, 1 / 3f, 0}, within(1e-6f));
    }

    @Test
    void shouldKeepAWordRepeatedAfterTheMinimumGapAsTwoWords() {
        // a - - - - - a: the second run starts 6 steps (0.24 s) after the first ends
        List<SpeechToken> tokens =
                new CtcGreedyDecoder(List.of("<blank>", "a", "b"), GAP)
                        .decode(path(1, 0, 0, 0, 0, 0, 1), null);
        assertThat(tokens).extracting(SpeechToken::startStep).containsExactly(0, 6);
    }

    @Test
    void shouldKeepAWordTheBlankNarrowlyOutscoresOnlyWithABlankPenalty() {
        // step 1: blank 0.5, a 0.4 (log 0.5 - 0.3 = -0.99 < log 0.4 = -0.92 with the penalty)
        float[][] lp = {
            log(0.9f, 0.05f, 0.05f),
            log(0.5f, 0.4f, 0.1f),
            log(0.9f, 0.05f, 0.05f),
            log(0.1f, 0.1f, 0.8f)
        };
        List<String> vocabulary = List.of("<blank>", "a", "b");
        assertThat(new CtcGreedyDecoder(vocabulary, D).decode(lp, null))
                .extracting(SpeechToken::text)
                .containsExactly("b");
        assertThat(new CtcGreedyDecoder(vocabulary, descriptor(0, 0.3)).decode(lp, null))
                .extracting(SpeechToken::text)
                .containsExactly("a", "b");
        // a clear blank (0.9 against 0.05) stays a blank
        assertThat(new CtcGreedyDecoder(vocabulary, descriptor(0, 2.0)).decode(lp, null))
                .extracting(SpeechToken::text)
                .containsExactly("a", "b");
    }
}
