package dev.heed.streams.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.SpeechToken;
import dev.heed.models.speech.Transcript;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped speech model on the shipped demo recordings (FSDD test split, never trained on): the
 * words, their order and times, and attention that points at the word's own audio.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedSpeechModelTest {

    private SpeechModel model;
    private FeatureConfig features;

    @BeforeAll
    void load() throws Exception {
        model =
                SpeechModel.load(
                        Path.of("..", "models", "shipped", "speech-digits"), DeviceChoice.CPU);
        features = SpeechFeatures.of(model.descriptor());
    }

    @AfterAll
    void close() {
        model.close();
    }

    private Transcript transcribe(String file, double padSeconds) throws Exception {
        WavFile wav =
                WavFile.parse(
                        getClass().getResourceAsStream("/demo/audio/" + file).readAllBytes(), file);
        int pad = (int) (padSeconds * wav.sampleRate());
        float[] x = new float[wav.samples().length + 2 * pad];
        System.arraycopy(wav.samples(), 0, x, pad, wav.samples().length);
        return model.newTranscriber().transcribe(LogMelExtractor.extract(features, x));
    }

    @ParameterizedTest
    @CsvSource({
        "3_jackson_0.wav, three",
        "7_nicolas_1.wav, seven",
        "9_theo_2.wav, nine",
        "5_yweweler_3.wav, five"
    })
    void shouldRecogniseEachDemoDigit(String file, String word) throws Exception {
        assertThat(transcribe(file, 0.2).text()).isEqualTo(word);
    }

    @Test
    void shouldTranscribeAJoinedStringWithOrderedTimesAndAttentionOnEachWord() throws Exception {
        Transcript t = transcribe("digits_2048_lucas.wav", 0);
        assertThat(t.text()).isEqualTo("two zero four eight");
        double previousEnd = 0;
        for (SpeechToken token : t.tokens()) {
            assertThat(token.startSeconds()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(token.confidence()).isBetween(0.3f, 1f);
            float sum = 0;
            for (float w : token.attention()) {
                sum += w;
            }
            assertThat(sum).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-3f));
            previousEnd = token.endSeconds();
        }
        // the file: 0.3 s silence, then the four words 0.25 s apart; tokens fall inside 0.3-3.43 s
        assertThat(t.tokens().get(0).startSeconds()).isGreaterThan(0.2);
        assertThat(t.tokens().get(3).endSeconds()).isLessThan(3.6);
    }
}
