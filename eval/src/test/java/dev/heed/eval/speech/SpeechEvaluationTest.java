package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechEvaluationTest {

    private static List<Recording> recordings() {
        List<Recording> out = new ArrayList<>();
        for (String speaker : List.of("ann", "bob")) {
            for (int d = 0; d < 10; d++) {
                float[] s = new float[800];
                s[0] = (d + 1) / 20f; // the digit, readable by the fake recognisers below
                out.add(
                        new Recording(
                                Path.of(d + "_" + speaker + "_0.wav"),
                                FsddCorpus.DIGITS.get(d),
                                speaker,
                                0,
                                s));
            }
        }
        return out;
    }

    /** Reads the digit markers back out of padded, joined audio. */
    private static String oracle(float[] samples) {
        StringBuilder words = new StringBuilder();
        for (float v : samples) {
            if (v != 0f) {
                words.append(words.length() > 0 ? " " : "")
                        .append(FsddCorpus.DIGITS.get(Math.round(v * 20) - 1));
            }
        }
        return words.toString();
    }

    @Test
    void shouldScoreAPerfectRecogniserFullMarks() {
        List<Recording> r = recordings();
        List<DigitStrings.Utterance> strings = SpeechEvaluation.strings(r, 8000, 30, 1);
        SpeechEvaluation.Result result =
                SpeechEvaluation.run(
                        Recognize.anyone(SpeechEvaluationTest::oracle), r, strings, 8000);
        assertThat(result.accuracy()).isEqualTo(1.0);
        assertThat(result.wer()).isZero();
        assertThat(result.words()).isBetween(30L * 3, 30L * 7);
        assertThat(result.correctBySpeaker()).containsOnlyKeys("ann", "bob");
    }

    @Test
    void shouldCountOneWordAnswersAgainstStringsAsEdits() {
        List<Recording> r = recordings();
        List<DigitStrings.Utterance> strings = SpeechEvaluation.strings(r, 8000, 10, 2);
        SpeechEvaluation.Result result = SpeechEvaluation.run((who, s) -> "one", r, strings, 8000);
        assertThat(result.accuracy()).isEqualTo(0.1); // right only for "one"
        long expected = 0;
        for (DigitStrings.Utterance u : strings) {
            expected += u.words().size() - (u.words().contains("one") ? 1 : 0);
        }
        assertThat(result.wordErrors()).isEqualTo(expected);
        assertThat(result.correctBySpeaker().get("ann")).containsExactly(1, 10);
        long without = strings.stream().filter(u -> !u.words().contains("one")).count();
        assertThat(result.errorKinds())
                .as("substituted, dropped, inserted")
                .containsExactly(without, expected - without, 0L);
        assertThat(result.stringConfusions()).hasSize((int) Math.min(20, strings.size()));
        assertThat(result.stringConfusions().get(0))
                .isEqualTo(String.join(" ", strings.get(0).words()) + " -> 'one'");
    }

    @Test
    void shouldKeepEveryRecordingAndStringAsHeardWithItsErrors() {
        List<Recording> r = recordings();
        List<DigitStrings.Utterance> strings = SpeechEvaluation.strings(r, 8000, 4, 2);
        SpeechEvaluation.Result result = SpeechEvaluation.run((who, s) -> "one", r, strings, 8000);
        assertThat(result.heard()).hasSize(r.size() + strings.size());
        long wrong = 0;
        for (SpeechEvaluation.Heard h : result.heard().subList(0, r.size())) {
            assertThat(h.kind()).isEqualTo("isolated");
            assertThat(h.hypothesis()).isEqualTo("one");
            int[] expected =
                    h.reference().equals(List.of("one")) ? new int[3] : new int[] {1, 0, 0};
            assertThat(h.errors()).as(h.item()).containsExactly(expected);
            wrong += expected[0];
        }
        assertThat(wrong).isEqualTo(Math.round(r.size() * (1 - result.accuracy())));
        long[] kinds = new long[3];
        for (int i = 0; i < strings.size(); i++) {
            SpeechEvaluation.Heard h = result.heard().get(r.size() + i);
            assertThat(h.kind()).isEqualTo("string");
            assertThat(h.item()).isEqualTo(Integer.toString(i));
            assertThat(h.reference()).isEqualTo(strings.get(i).words());
            assertThat(h.speaker()).isEqualTo(strings.get(i).speaker());
            for (int k = 0; k < 3; k++) {
                kinds[k] += h.errors()[k];
            }
        }
        assertThat(kinds).isEqualTo(result.errorKinds());
    }

    @Test
    void shouldJoinStringsFromOneSpeakerWithPausesAndPadding() {
        List<DigitStrings.Utterance> strings = SpeechEvaluation.strings(recordings(), 8000, 5, 3);
        for (DigitStrings.Utterance u : strings) {
            int words = u.words().size();
            // 800 samples a word, 0.1-0.4 s pauses, 0.2 s of padding each side
            assertThat(u.samples().length)
                    .isBetween(
                            words * 800 + (words - 1) * 800 + 3200,
                            words * 800 + (words - 1) * 3200 + 3200);
        }
    }

    @Test
    void shouldJoinWordsOfSeveralSpeakersInMixedStrings() {
        List<Recording> r = new ArrayList<>();
        for (String speaker : List.of("ann", "bob")) {
            for (int d = 0; d < 10; d++) {
                float[] s = new float[800];
                s[0] = speaker.equals("ann") ? 0.25f : 0.75f;
                r.add(new Recording(Path.of(d + "_" + speaker), "x", speaker, 0, s));
            }
        }
        int mixed = 0;
        for (DigitStrings.Utterance u : SpeechEvaluation.mixedStrings(r, 8000, 30, 4)) {
            boolean ann = false;
            boolean bob = false;
            for (float v : u.samples()) {
                ann |= v == 0.25f;
                bob |= v == 0.75f;
            }
            mixed += ann && bob ? 1 : 0;
        }
        assertThat(mixed).as("strings with both speakers' words").isGreaterThan(20);
        assertThat(SpeechEvaluation.strings(r, 8000, 30, 4))
                .as("the usual strings keep one speaker")
                .allSatisfy(
                        u -> {
                            boolean ann = false;
                            boolean bob = false;
                            for (float v : u.samples()) {
                                ann |= v == 0.25f;
                                bob |= v == 0.75f;
                            }
                            assertThat(ann && bob).isFalse();
                        });
    }

    @Test
    void shouldScoreIsolatedRecordingsWithoutPaddingToo() {
        List<Recording> r = recordings();
        // hears a word only when the audio starts with silence
        Recognize needsLeadIn = (who, s) -> s[0] == 0f ? oracle(s) : "";
        assertThat(SpeechEvaluation.run(needsLeadIn, r, List.of(), 8000).accuracy()).isEqualTo(1.0);
        assertThat(SpeechEvaluation.unpadded(needsLeadIn, r)).containsExactly(0, 20);
        assertThat(SpeechEvaluation.unpadded(Recognize.anyone(SpeechEvaluationTest::oracle), r))
                .containsExactly(20, 20);
    }
}
