package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    private static final VadConfig CONFIG = VadConfig.defaults(8000);

    /** 0.5 s of quiet noise, 0.6 s of a loud tone, 0.5 s of quiet noise. */
    private static float[] silenceSpeechSilence() {
        float[] x = SignalsForTest.noise(0.001, 12800, 5);
        float[] tone = SignalsForTest.sine(300, 0.3, 8000, 4800);
        for (int i = 0; i < tone.length; i++) {
            x[4000 + i] += tone[i];
        }
        return x;
    }

    @Test
    void shouldFindTheSilenceSpeechBoundariesToTheFrame() {
        List<VadEvent> events = new EnergyVad(CONFIG).accept(silenceSpeechSilence());
        assertThat(events)
                .extracting(VadEvent::kind)
                .containsExactly(VadEvent.Kind.SPEECH_START, VadEvent.Kind.SPEECH_END);
        // the tone fills frames 50 .. 109 (80 samples each)
        assertThat(events.get(0).frame()).isEqualTo(50);
        assertThat(events.get(0).seconds()).isEqualTo(0.5);
        assertThat(events.get(1).frame()).isEqualTo(110);
    }

    @Test
    void shouldAnnounceTheEndOnlyAfterTheHangover() {
        EnergyVad vad = new EnergyVad(CONFIG);
        float[] x = silenceSpeechSilence();
        // up to 10 quiet frames after the tone: still in speech
        vad.accept(Arrays.copyOf(x, 120 * 80));
        assertThat(vad.inSpeech()).isTrue();
        List<VadEvent> later = vad.accept(Arrays.copyOfRange(x, 120 * 80, x.length));
        assertThat(later).extracting(VadEvent::kind).containsExactly(VadEvent.Kind.SPEECH_END);
    }

    @Test
    void shouldIgnoreAClickShorterThanTheStartRun() {
        float[] x = SignalsForTest.noise(0.001, 8000, 6);
        for (int i = 2000; i < 2160; i++) { // 2 frames
            x[i] += 0.5f;
        }
        assertThat(new EnergyVad(CONFIG).accept(x)).isEmpty();
    }

    @Test
    void shouldGiveTheSameEventsAcrossSavedStateAndOddChunks() {
        float[] x = silenceSpeechSilence();
        List<VadEvent> whole = new EnergyVad(CONFIG).accept(x);
        assertThat(inOddChunks(CONFIG, x)).isEqualTo(whole);
    }

    /**
     * The events of {@code x} fed in chunks of 333 samples, the detector saved and restored after
     * each.
     */
    static List<VadEvent> inOddChunks(VadConfig config, float[] x) {
        List<VadEvent> chunked = new ArrayList<>();
        EnergyVad vad = new EnergyVad(config);
        for (int at = 0; at < x.length; at += 333) {
            chunked.addAll(vad.accept(Arrays.copyOfRange(x, at, Math.min(x.length, at + 333))));
            vad = EnergyVad.restore(config, vad.saveState());
        }
        return chunked;
    }
}
