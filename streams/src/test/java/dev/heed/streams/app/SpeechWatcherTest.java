package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.audio.Pcm16;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.transcription.AudioTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speech model swaps while Heed runs, as the forecaster does: a new version in {@code
 * speech.model.dir} transcribes the next utterance, the old one is closed once the task has moved
 * on, and a model with other audio features is refused.
 */
class SpeechWatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    private Path dir;
    private SpeechSource source;
    private ModelWatcher watcher;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<byte[], byte[]> out;
    private int stream;

    @BeforeEach
    void setUp() throws Exception {
        dir = copyOfShipped("speech");
        source = SpeechSource.of(SpeechModel.load(dir, DeviceChoice.CPU));
        watcher = ModelWatcher.manualSpeech(dir, DeviceChoice.CPU, source);
        start(Map.of());
    }

    private Path copyOfShipped(String name) throws Exception {
        return Fixtures.copyModel(Fixtures.SPEECH_MODEL, tmp.resolve(name));
    }

    /** A test driver of the audio topology on {@code source}, with {@code settings}. */
    private void start(Map<String, String> settings) {
        if (driver != null) {
            driver.close();
        }
        Map<String, String> all = new HashMap<>(settings);
        all.put("bootstrap.servers", "unused:9092");
        HeedConfig config = HeedConfig.of(all);
        Properties props = new Properties();
        props.putAll(HeedApp.streamsProperties(config));
        props.put("state.dir", tmp.resolve("state").toString());
        driver =
                new TopologyTestDriver(
                        AudioTopology.addTo(new Topology(), config, source, new RouteCounters()),
                        props);
        in =
                driver.createInputTopic(
                        "heed.audio", new ByteArraySerializer(), new ByteArraySerializer());
        out =
                driver.createOutputTopic(
                        "heed.transcripts",
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        watcher.close();
        source.close();
    }

    /**
     * Streams a shipped recording as a new stream; returns its final transcripts' model versions.
     */
    private List<String> say() throws Exception {
        return say(1);
    }

    /** As {@link #say()}, the recording {@code times} times on one stream, 0.6 s apart. */
    private List<String> say(int times) throws Exception {
        WavFile nine = WavFile.read(Path.of("../samples/audio/9_theo_2.wav"));
        int n = nine.samples().length;
        float[] x = new float[times * (n + 4800) + 2400];
        for (int i = 0; i < times; i++) {
            System.arraycopy(nine.samples(), 0, x, 2400 + i * (n + 4800), n);
        }
        String id = "mic-" + stream++;
        for (int c = 0; c * 800 < x.length; c++) {
            org.apache.kafka.common.header.Headers h =
                    AudioTopology.chunkHeaders(8000, c, (c + 1) * 800 >= x.length);
            in.pipeInput(
                    new TestRecord<>(
                            id.getBytes(StandardCharsets.UTF_8),
                            Pcm16.encodeMono(
                                    Arrays.copyOfRange(
                                            x, c * 800, Math.min(x.length, (c + 1) * 800))),
                            h));
        }
        List<String> versions = new ArrayList<>();
        for (byte[] v : out.readValuesToList()) {
            JsonNode t = JSON.readTree(v);
            if (t.path("final").asBoolean() && !t.path("text").asText().isEmpty()) {
                assertThat(t.path("text").asText()).isEqualTo("nine");
                versions.add(t.path("model").path("version").asText());
            }
        }
        return versions;
    }

    private void editDescriptor(String field, Object value) throws Exception {
        editDescriptor(dir, field, value);
    }

    private static void editDescriptor(Path dir, String field, Object value) throws Exception {
        Fixtures.editDescriptor(dir, field, value);
    }

    @Test
    void shouldTranscribeWithTheNewVersionAndCloseTheOldOnceLetGo() throws Exception {
        SpeechModel v1 = source.current();
        assertThat(say()).containsExactly(v1.descriptor().version());
        editDescriptor("version", "speech-v2");
        assertThat(watcher.check()).isTrue();
        assertThat(source.holders(v1)).as("the audio task still holds it").isEqualTo(1);
        assertThat(say()).containsExactly("speech-v2");
        assertThat(source.holders(v1)).isZero();
        assertThatThrownBy(v1::newTranscriber).as("closed once let go").isNotNull();
    }

    @Test
    void shouldRefuseAModelWithOtherAudioFeatures() throws Exception {
        ObjectNode d = (ObjectNode) JSON.readTree(dir.resolve("model.json").toFile());
        d.put("version", "speech-3khz");
        ((ObjectNode) d.path("features")).put("max_hz", 3000.0);
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(d));
        assertThat(watcher.check()).isFalse();
        assertThat(watcher.lastMessage())
                .contains("speech-3khz")
                .contains("audio features")
                .contains("restart Heed");
        assertThat(say()).doesNotContain("speech-3khz");
    }

    @Test
    void shouldSwapTheLaterModelWhileTheStreamsModelStays() throws Exception {
        Path laterDir = copyOfShipped("later");
        editDescriptor(laterDir, "version", "later-v1");
        start(Map.of("speech.model.later.dir", laterDir.toString()));
        String first = source.current().descriptor().version();
        SpeechModel v1 = source.later().current();
        assertThat(say(2)).containsExactly(first, "later-v1");

        editDescriptor(laterDir, "version", "later-v2");
        try (ModelWatcher laterWatcher =
                ModelWatcher.manualSpeech(laterDir, DeviceChoice.CPU, source.later())) {
            assertThat(laterWatcher.check()).isTrue();
        }
        assertThat(source.later().holders(v1)).as("the audio task still holds it").isEqualTo(1);
        assertThat(say(2)).containsExactly(first, "later-v2");
        assertThat(source.later().holders(v1)).isZero();
        assertThatThrownBy(v1::newTranscriber).as("closed once let go").isNotNull();
        assertThat(watcher.check()).as("the stream's model did not change").isFalse();
    }

    /** The stream's model made one without a stream mean, under {@code version}. */
    private void withoutStreamMean(String version) throws Exception {
        ObjectNode d = (ObjectNode) JSON.readTree(dir.resolve("model.json").toFile());
        d.put("version", version);
        d.put("stream_mean", false);
        d.remove("stream_prior"); // a prior needs a stream mean
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(d));
    }

    @Test
    void shouldRefuseAStreamModelWithoutStreamMeanOnlyWhileALaterModelIsSet() throws Exception {
        withoutStreamMean("speech-plain");
        assertThat(watcher.check()).as("no later model: nothing needs it").isTrue();

        Path laterDir = copyOfShipped("later");
        try (SpeechSource withLater =
                        SpeechSource.of(SpeechModel.load(laterDir, DeviceChoice.CPU));
                ModelWatcher w = ModelWatcher.manualSpeech(dir, DeviceChoice.CPU, withLater)) {
            withLater.attachLater(SpeechModel.load(laterDir, DeviceChoice.CPU));
            assertThat(w.check()).isFalse();
            assertThat(w.lastMessage())
                    .contains("speech-plain")
                    .contains("no stream speech mean")
                    .contains("speech.model.later.dir");
        }
    }
}
