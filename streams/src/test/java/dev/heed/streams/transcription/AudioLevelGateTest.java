package dev.heed.streams.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.audio.WavFile;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audio.vad.level.db} through the audio topology and the shipped model: a speaker's four
 * digits, then the same speaker's digits again 20 dB quieter and twice over, as a room's chatter
 * going on after the user has spoken.
 */
class AudioLevelGateTest {
    private static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");
    private static final SpeechModel model = Fixtures.speechModel();

    @TempDir Path stateDir;

    /** The digits, then 3 s of two overlapping copies of them 20 dB down. */
    private static float[] speechThenChatter(float[] digits, int rate) {
        int chatter = 3 * rate;
        float[] x = new float[digits.length + chatter];
        System.arraycopy(digits, 0, x, 0, digits.length);
        for (int i = 0; i < chatter; i++) {
            float a = digits[i % digits.length];
            float b = digits[(i + digits.length / 3) % digits.length];
            x[digits.length + i] = 0.1f * (a + b) / 2;
        }
        return x;
    }

    private List<String> finals(String levelDb, float[] x, int rate) throws Exception {
        try (AudioHarness h =
                new AudioHarness(stateDir, Map.of("audio.vad.level.db", levelDb), model)) {
            h.stream(x, rate, 0, true);
            return h.transcripts().stream()
                    .filter(t -> t.get("final").asBoolean())
                    .map(t -> t.get("text").asText())
                    .filter(t -> !t.isEmpty())
                    .collect(Collectors.toList());
        }
    }

    @Test
    void shouldTranscribeTheUserAndNotTheChatterFarBelowThem() throws Exception {
        WavFile wav = WavFile.read(DIGITS);
        float[] x = speechThenChatter(wav.samples(), wav.sampleRate());

        List<String> gated = finals("15", x, wav.sampleRate());
        List<String> open = finals("0", x, wav.sampleRate());

        assertThat(String.join(" ", gated)).isEqualTo("two zero four eight");
        assertThat(String.join(" ", open))
                .as("without the gate the chatter is transcribed too")
                .startsWith("two zero four eight")
                .isNotEqualTo("two zero four eight");
    }

    @Test
    void shouldRejectALevelGateThatIsNotANumberFromZeroTo60() {
        for (String bad : new String[] {"-5", "quiet", "90"}) {
            assertThatThrownBy(
                            () ->
                                    new AudioHarness(
                                            stateDir, Map.of("audio.vad.level.db", bad), model))
                    .hasMessageContaining("audio.vad.level.db")
                    .hasMessageContaining(bad);
        }
    }
}
