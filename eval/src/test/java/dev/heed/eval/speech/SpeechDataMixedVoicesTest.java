package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.training.SpeechBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --mixed-voices}: a share of the training strings is spoken by several voices. Speaker a
 * only says "one", speaker b only "two", so a string holding both words has both voices.
 */
class SpeechDataMixedVoicesTest {
    private static final FeatureConfig FEATURES = FeatureConfig.speech8k();
    private static final List<String> VOCABULARY = List.of("<blank>", "one", "two");

    @Test
    void shouldJoinSeveralSpeakersInAStringOnlyWhenAsked() {
        List<Recording> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(new Recording(Path.of("a" + i), "one", "a", i, new float[800]));
            pool.add(new Recording(Path.of("b" + i), "two", "b", i, new float[800]));
        }
        double[] off =
                twoVoiceShare(
                        new SpeechData(
                                pool,
                                VOCABULARY,
                                FEATURES,
                                3,
                                new SpeechData.Recipe(4, false, 0, 0, 0, 0)));
        double[] half =
                twoVoiceShare(
                        new SpeechData(
                                pool,
                                VOCABULARY,
                                FEATURES,
                                3,
                                new SpeechData.Recipe(4, false, 0, 0, 0.5, 0)));
        double[] all =
                twoVoiceShare(
                        new SpeechData(
                                pool,
                                VOCABULARY,
                                FEATURES,
                                3,
                                new SpeechData.Recipe(4, false, 0, 0, 1, 0)));

        assertThat(off[0]).as("strings of several words with both voices, mixing off").isZero();
        // 2-4 words from two equally likely voices: one voice only in 1/2, 1/4 or 1/8 of them
        assertThat(all[0]).as("the same, every string mixed").isBetween(0.6, 0.85);
        assertThat(half[0]).as("the same, half the strings mixed").isBetween(0.25, 0.45);
        assertThat(off[1]).as("strings of several words seen").isGreaterThan(100);
    }

    /** {share of multi-word strings that hold both words, how many multi-word strings}. */
    private static double[] twoVoiceShare(SpeechData data) {
        int strings = 0;
        int both = 0;
        for (int b = 0; b < 60; b++) {
            SpeechBatch batch = data.next(4);
            for (int[] labels : batch.labels()) {
                if (labels.length < 2) {
                    continue;
                }
                strings++;
                boolean one = false;
                boolean two = false;
                for (int id : labels) {
                    one |= id == 1;
                    two |= id == 2;
                }
                both += one && two ? 1 : 0;
            }
        }
        return new double[] {(double) both / strings, strings};
    }
}
