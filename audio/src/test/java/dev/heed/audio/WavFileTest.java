package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WavFileTest {

    @Test
    void shouldReadBackWhatItWrote() {
        float[] x = SignalsForTest.sine(440, 0.5, 8000, 800);
        WavFile back = WavFile.parse(new WavFile(x, 8000).toBytes(), "test.wav");
        assertThat(back.sampleRate()).isEqualTo(8000);
        assertThat(back.samples()).containsExactly(x, within(1f / 32000));
        assertThat(back.seconds()).isEqualTo(0.1);
    }

    @Test
    void shouldSayWhatIsWrongWithANonWavFile() {
        assertThatThrownBy(() -> WavFile.parse("hello world!".getBytes(), "notes.txt"))
                .isInstanceOf(HeedAudioException.class)
                .hasMessageContaining("notes.txt is not a RIFF WAVE file");
    }
}
