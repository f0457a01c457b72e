package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed run}'s wiring of its model watchers on a real broker: a new version in {@code
 * model.dir}, {@code speech.model.dir} and {@code speech.model.later.dir} each reaches the model
 * that folder serves, and only that one. (The watchers themselves are tested in ModelWatcherTest
 * and SpeechWatcherTest.)
 */
class ModelWatchWiringIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path tmp;

    @Test
    void shouldSwapEachModelFromItsOwnFolder() throws Exception {
        Path sensorDir = Fixtures.copyModel(Fixtures.SHIPPED_MODEL, tmp.resolve("sensor"));
        Path speechDir = Fixtures.copyModel(Fixtures.SPEECH_MODEL, tmp.resolve("speech"));
        Path laterDir = Fixtures.copyModel(Fixtures.SPEECH_MODEL, tmp.resolve("later"));
        setVersion(laterDir, "later-v1");
        String app = "heed-watch-" + UUID.randomUUID();
        try (TestKafka kafka = TestKafka.start();
                ModelSource models = ModelSource.of(ModelLoader.load(sensorDir, DeviceChoice.CPU));
                SpeechSource speech =
                        SpeechSource.of(SpeechModel.load(speechDir, DeviceChoice.CPU))) {
            HeedConfig config = config(kafka, app, sensorDir, speechDir, laterDir);
            try (HeedApp heed = HeedApp.start(config, models, speech, new RouteCounters())) {
                heed.watchModel(HeedApp.modelDir(config));
                heed.watchSpeech(HeedApp.speechDir(config));
                Supplier<String> sensor = () -> models.current().descriptor().version();
                Supplier<String> first = () -> speech.current().descriptor().version();
                Supplier<String> later = () -> speech.later().current().descriptor().version();
                String sensorV1 = sensor.get();
                String speechV1 = first.get();
                assertThat(later.get()).isEqualTo("later-v1");

                setVersion(laterDir, "later-v2");
                await(later, "later-v2");
                assertThat(first.get()).as("the stream's model stays").isEqualTo(speechV1);
                setVersion(speechDir, "speech-v2");
                await(first, "speech-v2");
                assertThat(sensor.get()).isEqualTo(sensorV1);
                setVersion(sensorDir, "sensor-v2");
                await(sensor, "sensor-v2");

                assertThat(later.get()).as("the later model").isEqualTo("later-v2");
                assertThat(first.get()).as("the stream's model").isEqualTo("speech-v2");
            }
        }
    }

    private HeedConfig config(
            TestKafka kafka, String app, Path sensorDir, Path speechDir, Path laterDir) {
        Map<String, String> c = new HashMap<>();
        c.put("bootstrap.servers", kafka.bootstrapServers());
        c.put("application.id", app);
        c.put("state.dir", tmp.resolve("state").toString());
        for (String topic :
                new String[] {
                    "sensors", "predictions", "dlq", "anomalies", "audio", "transcripts"
                }) {
            c.put("topic." + topic, app + "." + topic);
        }
        c.put("topic.partitions", "1");
        c.put("topic.replication.factor", "1");
        c.put("model.watch.interval", "100ms");
        c.put("model.dir", sensorDir.toString());
        c.put("speech.model.dir", speechDir.toString());
        c.put("speech.model.later.dir", laterDir.toString());
        return HeedConfig.of(c);
    }

    private static void setVersion(Path dir, String version) throws Exception {
        Fixtures.editDescriptor(dir, "version", version);
    }

    private static void await(Supplier<String> version, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!expected.equals(version.get()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(version.get()).isEqualTo(expected);
    }
}
