package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.WavFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AudioBenchTest {

    @Test
    void shouldFindTheEndsOfTheFourDigitsFromTheDigitalSilenceBetweenThem() throws Exception {
        WavFile wav =
                WavFile.read(
                        Path.of(
                                "../samples/audio"
                                        + AudioBench.RECORDING.substring(
                                                AudioBench.RECORDING.lastIndexOf('/'))));
        long[] ends = AudioBench.speechEnds(wav);
        // ATTRIBUTION.md: 300 ms of silence, four clips with 250 ms between them, 300 ms after
        assertThat(ends).hasSize(4);
        assertThat(ends[3]).isEqualTo(Math.round(wav.seconds() * 1000) - 300);
        for (int i = 1; i < 4; i++) {
            assertThat(ends[i] - ends[i - 1])
                    .as("clip %d follows 250 ms of silence", i)
                    .isGreaterThan(250);
        }
    }

    @Test
    void shouldMatchAFinalToTheEndOfTheWordItsLastTokenIsIn() {
        long[] ends = {700, 1300, 1900, 2500};
        assertThat(AudioBench.speechEndAfter(ends, 500)).isEqualTo(700);
        assertThat(AudioBench.speechEndAfter(ends, 1350))
                .as("a token placed just late")
                .isEqualTo(1300);
        assertThat(AudioBench.speechEndAfter(ends, 2900)).isEqualTo(2500);
        assertThat(AudioBench.speechEndAfter(new long[0], 420)).isEqualTo(420);
    }
}
