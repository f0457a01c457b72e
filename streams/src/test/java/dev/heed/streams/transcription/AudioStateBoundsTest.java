package dev.heed.streams.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.audio.WavFile;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounds on the audio state: a stream that falls silent is ended after {@code audio.idle.expiry} of
 * the task's own running time, and an utterance cap whose state could not fit a record is refused.
 */
class AudioStateBoundsTest {
    private static final Map<String, String> EXPIRY = Map.of("audio.idle.expiry", "10s");
    private static final SpeechModel model = Fixtures.speechModel();

    @TempDir Path stateDir;

    /** Three quarters of a spoken "nine" after 0.3 s of silence, with no {@code heed.end}. */
    private static float[] cutOffMidWord() throws Exception {
        WavFile nine = WavFile.read(Path.of("../samples/audio/9_theo_2.wav"));
        float[] x = new float[2400 + nine.samples().length * 3 / 4];
        System.arraycopy(nine.samples(), 0, x, 2400, x.length - 2400);
        return x;
    }

    /**
     * A stream that stops mid-utterance without {@code heed.end} used to keep its state forever and
     * never get its final transcript; after {@code audio.idle.expiry} it gets both.
     */
    @Test
    void shouldEndAStreamThatFallsSilentMidUtterance() throws Exception {
        try (AudioHarness h = new AudioHarness(stateDir, EXPIRY, model)) {
            h.stream(cutOffMidWord(), 8000, 0, false);
            assertThat(h.transcripts()).noneMatch(t -> t.get("final").asBoolean());
            assertThat(h.streams()).containsExactly("mic-1");
            h.driver.advanceWallClockTime(Duration.ofSeconds(6));
            assertThat(h.streams()).as("not idle long enough").containsExactly("mic-1");
            h.driver.advanceWallClockTime(Duration.ofSeconds(6));
            List<JsonNode> finals =
                    h.transcripts().stream().filter(t -> t.get("final").asBoolean()).toList();
            assertThat(finals).hasSize(1);
            assertThat(h.streams()).isEmpty();
            assertThat(h.counters.streamsExpired()).isEqualTo(1);
        }
    }

    /**
     * Idle time counts only while Heed runs: a stream restored after an outage (its last chunk a
     * minute old, its next ones still to be read) is not ended at once, but after {@code
     * audio.idle.expiry} of this task's own time.
     */
    @Test
    void shouldNotEndAStreamForTheTimeHeedWasDown() throws Exception {
        try (AudioHarness h = new AudioHarness(stateDir, EXPIRY, model)) {
            h.stream(cutOffMidWord(), 8000, 0, false);
            KeyValueStore<String, byte[]> store = h.driver.getKeyValueStore("heed-audio");
            byte[] state = store.get("mic-1");
            long seen = ByteBuffer.wrap(state).getLong(state.length - 8);
            ByteBuffer.wrap(state).putLong(state.length - 8, seen - 60_000);
            store.put("mic-1", state); // as restored: last seen a minute before this task began
            h.driver.advanceWallClockTime(Duration.ofSeconds(6));
            assertThat(h.streams()).as("idle 6 s while Heed ran").containsExactly("mic-1");
            h.driver.advanceWallClockTime(Duration.ofSeconds(6));
            assertThat(h.streams()).as("idle 12 s while Heed ran").isEmpty();
            assertThat(h.counters.streamsExpired()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAnUtteranceCapWhoseStateWouldNotFitARecord() {
        assertThatThrownBy(
                        () ->
                                new AudioHarness(
                                        stateDir, Map.of("audio.max.utterance", "10m"), model))
                .hasMessageContaining("audio.max.utterance=10m")
                .hasMessageContaining("output.max.bytes=1000000")
                .hasMessageContaining("at most");
        new AudioHarness(stateDir, Map.of("audio.max.utterance", "45s"), model).close();
    }
}
