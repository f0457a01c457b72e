package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.training.SpeechBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --babble}: training utterances are heard through other recordings of the pool. Speaker a
 * says "one" as a 1 kHz tone, speaker b "two" as a 300 Hz tone; with babble, the utterances of
 * "one" carry 300 Hz energy that white noise and reverberation alone never put there, the more the
 * lower {@code --babble-snr-range} sets the speech above it.
 */
class SpeechDataBabbleTest {
    private static final FeatureConfig FEATURES = Tones.FEATURES;
    private static final List<String> VOCABULARY = List.of("<blank>", "one", "two");

    @Test
    void shouldPutOtherRecordingsUnderTheUtterancesOnlyWhenAsked() {
        List<Recording> pool = pool();
        int band300 = Tones.loudestBand(Tones.tone(300, 0.3));
        int band2500 = Tones.loudestBand(Tones.tone(2500, 0.3));

        double without =
                lowOverHigh(
                        new SpeechData(
                                pool,
                                VOCABULARY,
                                FEATURES,
                                5,
                                new SpeechData.Recipe(1, false, 0, 0, 0, 0)),
                        band300,
                        band2500);
        double with =
                lowOverHigh(
                        new SpeechData(
                                pool,
                                VOCABULARY,
                                FEATURES,
                                5,
                                new SpeechData.Recipe(1, false, 0, 1, 0, 0)),
                        band300,
                        band2500);

        assertThat(with - without)
                .as("log-mel at 300 Hz over 2.5 kHz in utterances of 'one', babble on vs off")
                .isGreaterThan(2.0);
    }

    @Test
    void shouldHearTheBabbleAtTheAskedSnrRange() {
        List<Recording> pool = pool();
        int band300 = Tones.loudestBand(Tones.tone(300, 0.3));
        int band2500 = Tones.loudestBand(Tones.tone(2500, 0.3));

        double loud = lowOverHigh(babbleAt(pool, 0, 0), band300, band2500);
        double quiet = lowOverHigh(babbleAt(pool, 30, 30), band300, band2500);
        double between = lowOverHigh(babbleAt(pool, 10, 20), band300, band2500);

        assertThat(loud - quiet)
                .as("log-mel at 300 Hz over 2.5 kHz in utterances of 'one', babble 0 dB vs 30 dB")
                .isGreaterThan(2.0);
        assertThat(between).as("10-20 dB lies between 0 dB and 30 dB").isBetween(quiet, loud);
    }

    /** Speaker a says "one" as a 1 kHz tone, speaker b "two" as a 300 Hz tone. */
    private static List<Recording> pool() {
        List<Recording> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(new Recording(Path.of("a" + i), "one", "a", i, Tones.tone(1000, 0.3)));
            pool.add(new Recording(Path.of("b" + i), "two", "b", i, Tones.tone(300, 0.3)));
        }
        return pool;
    }

    private static SpeechData babbleAt(List<Recording> pool, double low, double high) {
        return new SpeechData(
                pool,
                VOCABULARY,
                FEATURES,
                5,
                new SpeechData.Recipe(1, false, 0, 1, 0, 0, false, 0, 0, false, low, high));
    }

    /** Mean over utterances of "one" of the mean log-mel at {@code low} less at {@code high}. */
    private static double lowOverHigh(SpeechData data, int low, int high) {
        double sum = 0;
        int n = 0;
        for (int b = 0; b < 20; b++) {
            SpeechBatch batch = data.next(8);
            for (int i = 0; i < batch.labels().length; i++) {
                if (batch.labels()[i].length == 1 && batch.labels()[i][0] == 1) {
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
        assertThat(n).isGreaterThan(20);
        return sum / n;
    }
}
