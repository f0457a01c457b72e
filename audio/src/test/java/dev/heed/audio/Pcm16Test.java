package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void shouldDecodeKnownSamples() {
        byte[] pcm = {0x00, 0x00, (byte) 0xff, 0x7f, 0x00, (byte) 0x80, (byte) 0xff, (byte) 0xff};
        assertThat(Pcm16.decodeMono(pcm, 1))
                .containsExactly(new float[] {0f, 32767 / 32768f, -1f, -1 / 32768f}, within(1e-7f));
    }

    @Test
    void shouldMixStereoToMono() {
        byte[] pcm = {0x00, 0x40, 0x00, (byte) 0xc0}; // +0.5 and -0.5
        assertThat(Pcm16.decodeMono(pcm, 2)).containsExactly(new float[] {0f}, within(1e-7f));
    }

    @Test
    void shouldRoundTripASine() {
        float[] sine = new float[800];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        float[] back = Pcm16.decodeMono(Pcm16.encodeMono(sine), 1);
        for (int i = 0; i < sine.length; i++) {
            assertThat(back[i]).isCloseTo(sine[i], within(1e-4f));
        }
    }

    @Test
    void shouldRejectOddByteCountNamingIt() {
        assertThatThrownBy(() -> Pcm16.decodeMono(new byte[3], 1))
                .isInstanceOf(HeedAudioException.class)
                .hasMessageContaining("3 bytes");
    }
}
