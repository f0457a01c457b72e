package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.training.SpeechBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --stream-mean N}: a training utterance comes with up to N earlier recordings of its own
 * speaker (none for the cold share). Speaker a (a 1 kHz tone) only says "one", speaker b (a high
 * tone) only "two", so every past recording's loudest mel tells whose it is.
 */
class SpeechDataStreamTest {
    private static final FeatureConfig FEATURES = FeatureConfig.speech8k();
    private static final List<String> VOCABULARY = List.of("<blank>", "one", "two");

    private static float[] tone(double hz) {
        float[] s = new float[2400];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }

    /** The mel with the most power over all frames (log-mel back to power). */
    private static int loudestMel(float[][] frames) {
        double[] power = new double[frames[0].length];
        for (float[] f : frames) {
            for (int m = 0; m < f.length; m++) {
                power[m] += Math.exp(f[m]);
            }
        }
        int best = 0;
        for (int m = 1; m < power.length; m++) {
            best = power[m] > power[best] ? m : best;
        }
        return best;
    }

    @Test
    void shouldGiveEachUtteranceItsOwnSpeakersPast() {
        List<Recording> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(new Recording(Path.of("a" + i), "one", "a", i, tone(1000)));
            pool.add(new Recording(Path.of("b" + i), "two", "b", i, tone(3000)));
        }
        int lowMel = loudestMel(new float[][] {mel(tone(1000))});
        int highMel = loudestMel(new float[][] {mel(tone(3000))});
        assertThat(lowMel).isNotEqualTo(highMel);
        SpeechData data =
                new SpeechData(
                        pool,
                        VOCABULARY,
                        FEATURES,
                        5,
                        new SpeechData.Recipe(1, false, 0, 0, 0, 0, false, 4, 0.5, false, 0, 20));
        int cold = 0;
        int utterances = 0;
        int longest = 0;
        for (int b = 0; b < 30; b++) {
            SpeechBatch batch = data.next(4);
            for (int i = 0; i < 4; i++) {
                utterances++;
                float[][][] past = batch.contextOf(i);
                cold += past.length == 0 ? 1 : 0;
                longest = Math.max(longest, past.length);
                int own = batch.labels()[i][0] == 1 ? lowMel : highMel;
                for (float[][] earlier : past) {
                    assertThat(loudestMel(earlier))
                            .as("a past recording of the same speaker")
                            .isEqualTo(own);
                }
            }
        }
        assertThat((double) cold / utterances).as("the cold share").isBetween(0.3, 0.7);
        assertThat(longest).isEqualTo(4);
        SpeechBatch plain =
                new SpeechData(
                                pool,
                                VOCABULARY,
                                FEATURES,
                                5,
                                new SpeechData.Recipe(1, false, 0, 0, 0, 0))
                        .next(4);
        assertThat(plain.context()).as("no stream past unless asked").isNull();
    }

    private static float[] mel(float[] samples) {
        float[][] f = dev.heed.audio.LogMelExtractor.extract(FEATURES, samples);
        return f[f.length / 2];
    }
}
