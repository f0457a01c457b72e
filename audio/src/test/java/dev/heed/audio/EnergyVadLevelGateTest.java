package dev.heed.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The level gate: background far below the stream's own speech is not speech. */
class EnergyVadLevelGateTest {
    private static final int RATE = 8000;
    private static final VadConfig OFF = VadConfig.defaults(RATE);
    private static final VadConfig GATE15 = gate(15f);

    private static VadConfig gate(float db) {
        return new VadConfig(
                RATE,
                OFF.frameSamples(),
                OFF.thresholdDb(),
                OFF.minFloorDb(),
                OFF.startFrames(),
                OFF.endFrames(),
                db);
    }

    /**
     * Quiet noise of {@code seconds}, a tone of {@code amplitude} over [{@code from}, {@code to})
     * seconds, and chatter (tone bursts of {@code chatter}: 150 ms on, 50 ms off, so its gaps are
     * shorter than the 200 ms hangover) over [{@code chatterFrom}, {@code chatterTo}).
     */
    private static float[] scene(
            double seconds,
            double amplitude,
            double from,
            double to,
            double chatter,
            double chatterFrom,
            double chatterTo) {
        float[] x = SignalsForTest.noise(0.001, (int) (seconds * RATE), 5);
        add(x, SignalsForTest.sine(300, amplitude, RATE, (int) ((to - from) * RATE)), from);
        for (double t = chatterFrom; t + 0.15 <= chatterTo; t += 0.2) {
            add(x, SignalsForTest.sine(520, chatter, RATE, (int) (0.15 * RATE)), t);
        }
        return x;
    }

    private static void add(float[] x, float[] y, double at) {
        int from = (int) Math.round(at * RATE);
        for (int i = 0; i < y.length; i++) {
            x[from + i] += y[i];
        }
    }

    @Test
    void shouldEndTheUtteranceWhenOnlyChatterFarBelowTheSpeechGoesOn() {
        // speech 0.5-1.1 s at 0.3 (about -13.5 dBFS); chatter 20 dB below it from 1.1 s to 3.1 s
        float[] x = scene(3.5, 0.3, 0.5, 1.1, 0.03, 1.1, 3.1);

        List<VadEvent> gated = new EnergyVad(GATE15).accept(x);
        List<VadEvent> open = new EnergyVad(OFF).accept(x);

        assertThat(gated)
                .extracting(VadEvent::kind)
                .containsExactly(VadEvent.Kind.SPEECH_START, VadEvent.Kind.SPEECH_END);
        assertThat(gated.get(1).frame()).isEqualTo(110); // the speech's own end
        // without the gate the chatter holds the utterance open until it stops
        assertThat(open.get(1).frame()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void shouldNotStartOnChatterFarBelowTheStreamsEarlierSpeech() {
        // speech 0.5-1.1 s; quiet 1.1-2 s; chatter 20 dB below from 2 s to 3 s
        float[] x = scene(3.5, 0.3, 0.5, 1.1, 0.03, 2.0, 3.0);

        assertThat(new EnergyVad(GATE15).accept(x)).hasSize(2);
        assertThat(new EnergyVad(OFF).accept(x)).hasSize(4); // chatter starts an utterance
    }

    @Test
    void shouldHearChatterWithinTheGateAndEveryoneBeforeTheFirstSpeech() {
        // chatter 10 dB below the speech is within a 15 dB gate
        float[] within = scene(3.5, 0.3, 0.5, 1.1, 0.095, 2.0, 3.0);
        assertThat(new EnergyVad(GATE15).accept(within)).hasSize(4);
        // before the stream's first speech there is no level: quiet chatter starts an utterance
        float[] first = scene(3.5, 0.3, 2.5, 3.0, 0.03, 0.5, 1.5);
        assertThat(new EnergyVad(GATE15).accept(first).get(0).seconds()).isEqualTo(0.5);
    }

    @Test
    void shouldHearAQuieterVoiceAgainOnceTheLevelHasFallen() {
        // speech 0.5-1.1 s, then a voice 20 dB quieter at 3-4 s (level 2 dB down: gated) and at
        // 9-10 s (level 8 dB down, the voice 12 dB below it: heard)
        float[] x = SignalsForTest.noise(0.001, 11 * RATE, 5);
        add(x, SignalsForTest.sine(300, 0.3, RATE, (int) (0.6 * RATE)), 0.5);
        add(x, SignalsForTest.sine(300, 0.03, RATE, RATE), 3.0);
        add(x, SignalsForTest.sine(300, 0.03, RATE, RATE), 9.0);
        EnergyVad vad = new EnergyVad(GATE15);

        List<VadEvent> events = vad.accept(x);

        assertThat(events).hasSize(4);
        assertThat(events.get(2).kind()).isEqualTo(VadEvent.Kind.SPEECH_START);
        assertThat(events.get(2).seconds()).isEqualTo(9.0);
        // the first speech's -13.5 dBFS, 1 dB a second lower for the 9.9 s since its last frame
        assertThat(vad.speechLevelDb()).isCloseTo(-23.4f, within(0.3f));
    }

    @Test
    void shouldKeepTheLevelAcrossSavedStateAndOddChunks() {
        float[] x = scene(3.5, 0.3, 0.5, 1.1, 0.03, 1.1, 3.1);
        List<VadEvent> whole = new EnergyVad(GATE15).accept(x);
        assertThat(EnergyVadTest.inOddChunks(GATE15, x)).isEqualTo(whole);
        assertThat(new EnergyVad(OFF).speechLevelDb()).isNaN();
    }

    @Test
    void shouldRefuseANegativeGateAndStateSavedWithAnother() {
        assertThatThrownBy(() -> gate(-3f))
                .isInstanceOf(HeedAudioException.class)
                .hasMessageContaining("levelDb must be >= 0")
                .hasMessageContaining("-3.0");
        byte[] saved = new EnergyVad(GATE15).saveState();
        assertThatThrownBy(() -> EnergyVad.restore(gate(10f), saved))
                .isInstanceOf(HeedAudioException.class);
    }
}
