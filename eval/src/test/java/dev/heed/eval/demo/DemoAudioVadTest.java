package dev.heed.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.EnergyVad;
import dev.heed.audio.VadConfig;
import dev.heed.audio.VadEvent;
import dev.heed.audio.WavFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The voice activity detector on real speech: the shipped joined demo string. */
class DemoAudioVadTest {

    @Test
    void shouldFindEachWordOfTheJoinedStringBetweenItsPauses() throws Exception {
        WavFile wav =
                WavFile.parse(
                        getClass()
                                .getResourceAsStream("/demo/audio/digits_2048_lucas.wav")
                                .readAllBytes(),
                        "digits_2048_lucas.wav");
        List<VadEvent> events = new EnergyVad(VadConfig.defaults(8000)).accept(wav.samples());
        // four words separated by 250 ms pauses, longer than the 200 ms hangover
        assertThat(events)
                .extracting(VadEvent::kind)
                .containsExactly(
                        VadEvent.Kind.SPEECH_START, VadEvent.Kind.SPEECH_END,
                        VadEvent.Kind.SPEECH_START, VadEvent.Kind.SPEECH_END,
                        VadEvent.Kind.SPEECH_START, VadEvent.Kind.SPEECH_END,
                        VadEvent.Kind.SPEECH_START, VadEvent.Kind.SPEECH_END);
        // the first word starts after the 300 ms lead-in; the last ends before the 300 ms tail
        assertThat(events.get(0).seconds()).isBetween(0.3, 0.45);
        assertThat(events.get(7).seconds()).isBetween(3.0, 3.425);
    }
}
