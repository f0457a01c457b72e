package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Babble is mixed in at the asked signal-to-noise ratio, over the speech's own samples. */
class BabbleTest {

    @Test
    void shouldMixBabbleAtTheAskedSnr() {
        Random random = new Random(3);
        List<Recording> pool = onePureVoice();
        float[] speech = new float[3000];
        for (int i = 1000; i < 2000; i++) {
            speech[i] = (float) (0.5 * random.nextGaussian());
        }
        for (double snr : new double[] {20, 10, 5}) {
            float[] mixed = Babble.mix(speech, pool, snr, new Random(1));
            double s = 0;
            double n = 0;
            for (int i = 0; i < speech.length; i++) {
                double d = mixed[i] - speech[i];
                n += d * d;
                if (speech[i] != 0) {
                    s += speech[i] * (double) speech[i];
                }
            }
            double measured = 10 * Math.log10((s / 1000) / (n / speech.length));
            assertThat(measured).isCloseTo(snr, within(0.01));
        }
    }

    @Test
    void shouldHearBackgroundBabbleAllAlongAStreamBeforeDuringAndAfterTheSpeech() {
        List<Recording> pool = onePureVoice();
        float[] stream = new float[3000]; // 1000 samples of padding, speech, padding
        for (int i = 1000; i < 2000; i++) {
            stream[i] = (float) Math.sin(i * 0.05) * 0.5f;
        }
        float[] heard = Babble.background(pool, 10, 7).apply(stream);
        double before = 0;
        double speech = 0;
        double noise = 0;
        for (int i = 0; i < stream.length; i++) {
            double d = heard[i] - stream[i];
            noise += d * d;
            before += i < 1000 ? d * d : 0;
            speech += stream[i] * (double) stream[i];
        }
        assertThat(before / 1000).as("babble in the padding before the speech").isGreaterThan(0);
        assertThat(10 * Math.log10((speech / 1000) / (noise / stream.length)))
                .as("levelled below the speech, not the padded stream")
                .isCloseTo(10, within(0.01));
        assertThat(Babble.background(pool, 10, 7).apply(stream))
                .as("seeded: the same stream hears the same babble")
                .containsExactly(heard);
    }

    @Test
    void shouldLevelBabbleBelowTheQuietestWordWhenGivenTheWords() {
        List<Recording> pool = onePureVoice();
        float[] speech = new float[3000];
        for (int i = 0; i < 1000; i++) {
            speech[i] = 1f; // a loud word, power 1
        }
        for (int i = 1500; i < 2500; i++) {
            speech[i] = 0.1f; // a word 20 dB quieter, power 0.01
        }
        int[][] words = {{0, 1000}, {1500, 2500}};
        double under = babblePower(speech, Babble.mix(speech, pool, 10, new Random(1), words));
        double overAll = babblePower(speech, Babble.mix(speech, pool, 10, new Random(1)));
        assertThat(10 * Math.log10(0.01 / under))
                .as("dB of the quiet word above the babble")
                .isCloseTo(10, within(0.01));
        assertThat(10 * Math.log10(0.505 / overAll))
                .as("dB of all the speech above the babble, without the words")
                .isCloseTo(10, within(0.01));
    }

    private static double babblePower(float[] speech, float[] mixed) {
        double n = 0;
        for (int i = 0; i < speech.length; i++) {
            double d = mixed[i] - speech[i];
            n += d * d;
        }
        return n / speech.length;
    }

    /** A pool of one recording: a pure tone, so that babble is easy to tell from the speech. */
    private static List<Recording> onePureVoice() {
        float[] voice = new float[4000];
        for (int i = 0; i < voice.length; i++) {
            voice[i] = (float) Math.sin(i * 0.37) * 0.3f;
        }
        return List.of(new Recording(Path.of("x.wav"), "one", "a", 0, voice));
    }
}
