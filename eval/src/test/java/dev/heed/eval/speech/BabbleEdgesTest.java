package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.training.SpeechBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code --babble-edges}: babble over a stretch of the utterance, not its edges, and a quarter of
 * the utterances starting at their first sample, so that the sound at an utterance's start is not
 * always background.
 */
class BabbleEdgesTest {
    private static final FeatureConfig FEATURES = FeatureConfig.speech8k();

    @Test
    void shouldMixBabbleOverAStretchFromTheFirstHalfIntoTheSecond() {
        Random random = new Random(3);
        float[] speech = new float[8000];
        float[] mixed = new float[8000];
        Arrays.fill(mixed, 1f);
        int firstClean = 0;
        int lastClean = 0;
        for (int k = 0; k < 200; k++) {
            float[] out = Babble.within(speech, mixed, random);
            assertThat(out[3999]).as("the middle is always under babble").isGreaterThan(0f);
            firstClean += out[0] == 0f ? 1 : 0;
            lastClean += out[7999] == 0f ? 1 : 0;
            for (float v : out) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThat(firstClean).as("draws whose first sample is free of babble").isGreaterThan(180);
        assertThat(lastClean).as("draws whose last sample is free of babble").isGreaterThan(180);
    }

    @Test
    void shouldStartAQuarterOfTheUtterancesAtTheirFirstSample() {
        List<Recording> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(new Recording(Path.of("a" + i), "one", "a", i, tone(0.3)));
        }
        List<String> vocabulary = List.of("<blank>", "one");
        double without =
                loudFromTheStart(
                        new SpeechData(
                                pool,
                                vocabulary,
                                FEATURES,
                                5,
                                new SpeechData.Recipe(
                                        1, false, 0, 0, 0, 0, false, 0, 0, false, 0, 20)));
        double with =
                loudFromTheStart(
                        new SpeechData(
                                pool,
                                vocabulary,
                                FEATURES,
                                5,
                                new SpeechData.Recipe(
                                        1, false, 0, 0, 0, 0, true, 0, 0, false, 0, 20)));
        assertThat(without).as("share loud from the first frame, without").isLessThan(0.12);
        assertThat(with - without)
                .as("share loud from the first frame, with less without (%s, %s)", with, without)
                .isGreaterThan(0.08);
    }

    /**
     * Share of utterances whose first frame is louder than their last (the 100 ms after the word,
     * white noise at most) by more than one neper: the word's tone starts at the first sample.
     */
    private static double loudFromTheStart(SpeechData data) {
        int loud = 0;
        int n = 0;
        for (int b = 0; b < 40; b++) {
            SpeechBatch batch = data.next(8);
            for (float[][] x : batch.features()) {
                loud += mean(x[0]) > mean(x[x.length - 1]) + 1 ? 1 : 0;
                n++;
            }
        }
        return loud / (double) n;
    }

    private static double mean(float[] frame) {
        double s = 0;
        for (float v : frame) {
            s += v;
        }
        return s / frame.length;
    }

    private static float[] tone(double amplitude) {
        float[] s = new float[FEATURES.sampleRate() / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / FEATURES.sampleRate()));
        }
        return s;
    }
}
