package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.training.SpeechBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --babble-under-quietest}: babble is levelled below a training string's quietest word.
 * Speaker a says "one" as a 1 kHz tone, half the takes 20 dB quieter than the others; speaker b
 * "two" as a 300 Hz tone. In two-word strings of "one" with a loud and a quiet take, babble
 * levelled under the quiet word puts much less 300 Hz energy under them than babble levelled under
 * all the speech; with and without a stream's earlier recordings joined before them.
 */
class BabbleUnderQuietestTest {
    private static final FeatureConfig FEATURES = Tones.FEATURES;
    private static final List<String> VOCABULARY = List.of("<blank>", "one", "two");

    @Test
    void shouldPutLessBabbleUnderStringsWithAQuietWord() {
        List<Recording> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(
                    new Recording(
                            Path.of("a" + i),
                            "one",
                            "a",
                            i,
                            Tones.tone(1000, i % 2 == 0 ? 0.3 : 0.03)));
            pool.add(new Recording(Path.of("b" + i), "two", "b", i, Tones.tone(300, 0.3)));
        }
        int band300 = Tones.loudestBand(Tones.tone(300, 0.3));
        int band2500 = Tones.loudestBand(Tones.tone(2500, 0.3));
        for (int past : new int[] {0, 3}) {
            double overAll = lowOverHigh(pool, false, past, band300, band2500);
            double underQuietest = lowOverHigh(pool, true, past, band300, band2500);
            assertThat(overAll - underQuietest)
                    .as(
                            "log-mel at 300 Hz over 2.5 kHz, babble under all the speech less under"
                                    + " the quietest word, %s earlier recordings",
                            past)
                    .isGreaterThan(1.0);
        }
    }

    /**
     * Mean over two-word strings of "one" of the mean log-mel at {@code low} less at {@code high},
     * every utterance through babble.
     */
    private static double lowOverHigh(
            List<Recording> pool, boolean underQuietest, int past, int low, int high) {
        SpeechData data =
                new SpeechData(
                        pool,
                        VOCABULARY,
                        FEATURES,
                        5,
                        new SpeechData.Recipe(
                                2, false, 0, 1, 0, 0, false, past, 0, underQuietest, 0, 20));
        double sum = 0;
        int n = 0;
        for (int b = 0; b < 60; b++) {
            SpeechBatch batch = data.next(8);
            for (int i = 0; i < batch.labels().length; i++) {
                int[] label = batch.labels()[i];
                if (label.length == 2 && label[0] == 1 && label[1] == 1) {
                    float[][] x = batch.features()[i];
                    double d = 0;
                    for (float[] frame : x) {
                        d += frame[low] - frame[high];
                    }
                    sum += d / x.length;
                    n++;
                }
            }
        }
        assertThat(n).isGreaterThan(40);
        return sum / n;
    }
}
