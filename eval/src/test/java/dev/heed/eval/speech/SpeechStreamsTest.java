package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.Transcriber;
import dev.heed.models.speech.Transcript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The evaluation hears each speaker as one stream (what a stream-mean model learns from carries
 * from a speaker's utterance to the next, never to another speaker's), and training joins an
 * utterance after its stream's past so that one augmentation covers both.
 */
class SpeechStreamsTest {

    private static final FeatureConfig F = FeatureConfig.speech8k();

    /** Says how many utterances of history it was given, and remembers each utterance. */
    private static final class Counting implements Transcriber {
        final List<String> seen = new ArrayList<>();

        @Override
        public Transcript transcribe(float[][] features, StreamMean history) {
            seen.add(String.valueOf(Math.round(history.frames())));
            return new Transcript(List.of(), features.length, 0, 0.04, 0);
        }

        @Override
        public StreamMean remember(StreamMean history, float[][] features) {
            return history.plus(features);
        }
    }

    private static float[] tone(double hz) {
        float[] s = new float[4000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }

    @Test
    void shouldCarryAStreamFromASpeakersUtteranceToTheirNextOnly() {
        Counting t = new Counting();
        Recognize heed = SpeechEvaluation.heed(t, F);
        heed.words("ann", tone(300));
        heed.words("bob", tone(300));
        heed.words("ann", tone(500));
        heed.words("ann", tone(700));
        assertThat(Long.parseLong(t.seen.get(0))).as("ann's first").isZero();
        assertThat(Long.parseLong(t.seen.get(1))).as("bob's first: not ann's").isZero();
        long second = Long.parseLong(t.seen.get(2));
        assertThat(second).as("ann's second").isPositive();
        assertThat(Long.parseLong(t.seen.get(3))).as("ann's third").isGreaterThan(second);
        Counting cold = new Counting();
        Recognize first = SpeechEvaluation.heedFirst(cold, F);
        first.words("ann", tone(300));
        first.words("ann", tone(500));
        assertThat(cold.seen).containsExactly("0", "0");
    }

    @Test
    void shouldShuffleTheRecordingsOnlyForARecogniserThatLearnsItsStreams() {
        List<Recording> isolated = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            float[] s = new float[400];
            s[0] = (i + 1) / 100f;
            isolated.add(new Recording(Path.of(i + "_ann_0.wav"), "zero", "ann", 0, s));
        }
        assertThat(heard(isolated, false)).isSorted();
        List<Integer> learning = heard(isolated, true);
        assertThat(learning).containsExactlyInAnyOrderElementsOf(heard(isolated, false));
        assertThat(learning)
                .as("a stream hears varied words, not one digit after another")
                .isNotEqualTo(heard(isolated, false));
        assertThat(SpeechEvaluation.heed(new Counting(), F).learnsStreams()).isTrue();
        Transcriber plain = (features, history) -> new Transcript(List.of(), 0, 0, 0.04, 0);
        assertThat(SpeechEvaluation.heed(plain, F).learnsStreams()).isFalse();
        assertThat(
                        Babble.noisy(SpeechEvaluation.heed(new Counting(), F), isolated, 10, 1)
                                .learnsStreams())
                .as("through babble too")
                .isTrue();
    }

    /** The order in which the evaluation hands the recordings to a recogniser. */
    private static List<Integer> heard(List<Recording> isolated, boolean learns) {
        List<Integer> order = new ArrayList<>();
        Recognize r =
                new Recognize() {
                    @Override
                    public String words(String speaker, float[] samples) {
                        for (float v : samples) {
                            if (v != 0f) {
                                order.add(Math.round(v * 100));
                                break;
                            }
                        }
                        return "";
                    }

                    @Override
                    public boolean learnsStreams() {
                        return learns;
                    }
                };
        SpeechEvaluation.run(r, isolated, List.of(), 8000);
        return order;
    }

    @Test
    void shouldJoinThePastBeforeTheUtteranceAndSplitThemBack() {
        List<Recording> past = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            float[] s = new float[1200 + 100 * j];
            java.util.Arrays.fill(s, 0.1f * (j + 1));
            past.add(new Recording(Path.of(j + "_ann_0.wav"), "zero", "ann", 0, s));
        }
        float[] current = new float[900];
        java.util.Arrays.fill(current, 0.9f);
        StreamAudio joined = StreamAudio.join(past, current, 1600, 8000, new Random(1));
        float[] heard = joined.samples().clone();
        float[] now = joined.current(heard);
        assertThat(now).hasSize(1600);
        assertThat(now[0]).isEqualTo(0.9f);
        assertThat(now[899]).isEqualTo(0.9f);
        assertThat(now[900]).as("padded with silence").isZero();
        float[][][] frames = joined.past(heard, F);
        assertThat(frames.length).isEqualTo(3);
        for (int j = 0; j < 3; j++) {
            int pause = frames[j].length - (1200 + 100 * j) / F.hop();
            assertThat(pause * F.hop())
                    .as("recording %d after its 100-400 ms pause", j)
                    .isBetween(600, 3300);
        }
        int count = 0;
        for (float v : heard) {
            count += v == 0.9f ? 1 : 0;
        }
        assertThat(count).as("the utterance once, after its past").isEqualTo(900);
        assertThat(heard[heard.length - 1600]).isEqualTo(0.9f);
    }
}
