package dev.heed.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.web.Dashboard;
import dev.heed.streams.web.HttpSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's talk control end to end: headless Chromium's fake microphone plays a shipped FSDD
 * recording ("two zero four eight", looped), the page captures it and sends it over its WebSocket
 * to Heed, the audio topology transcribes it, and the finals come back on the page and on {@code
 * topic.transcripts} under the page's own stream id.
 */
class TalkIT {
    private static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");
    private static final Path SHOTS = Path.of("target/dashboard-it");
    private static final List<String> SAID = List.of("two", "zero", "four", "eight");

    @TempDir Path tmp;

    @Test
    void shouldTranscribeTheMicrophoneOnThePageAndOnTheTopic() throws Exception {
        Optional<Chromium> chromium = Chromium.find();
        assumeTrue(
                chromium.isPresent(),
                "no Chromium and chromedriver found (/usr/bin/chromium, /usr/bin/chromedriver);"
                        + " apt-get install chromium chromium-driver to run this test");
        Files.createDirectories(SHOTS);
        HeedConfig config =
                HeedConfig.of(
                        Map.of(
                                "embedded.dir", tmp.resolve("kafka").toString(),
                                "embedded.port", "0",
                                "state.dir", tmp.resolve("streams").toString(),
                                "application.id", "heed-talk-it",
                                "http.port", "0"));
        try (SpeechModel speech = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU);
                HeedApp app =
                        HeedApp.start(
                                config,
                                ModelSource.of(Fixtures.model()),
                                SpeechSource.of(speech),
                                new RouteCounters());
                Dashboard web = Dashboard.start(app, HttpSettings.of(app.config()))) {
            ChromeDriver browser =
                    chromium.get()
                            .start(
                                    tmp.resolve("profile"),
                                    1400,
                                    1500,
                                    "--use-fake-ui-for-media-stream",
                                    "--use-fake-device-for-media-stream",
                                    "--use-file-for-fake-audio-capture="
                                            + DIGITS.toAbsolutePath().normalize(),
                                    "--autoplay-policy=no-user-gesture-required");
            String stream;
            try {
                browser.get(web.url().toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
                browser.findElement(By.id("talk")).click();
                wait.until(
                        d -> d.findElement(By.id("talk-status")).getText().startsWith("listening"));
                String status = browser.findElement(By.id("talk-status")).getText();
                stream = status.substring(status.indexOf("talk-")).split(" ")[0];
                wait.until(d -> Double.parseDouble(levelDb(d)) > -40);
                wait.until(d -> finals(d).containsAll(SAID));
                assertThat(browser.findElement(By.id("talk-status")).getAttribute("class"))
                        .doesNotContain("error");
                assertThat(browser.findElement(By.id("talk-status")).getText())
                        .startsWith("listening");
                browser.findElement(By.id("talk")).click();
                wait.until(
                        d -> d.findElement(By.id("talk-status")).getText().startsWith("stopped"));
                // no prediction has come: the series chart's axis names no dates (not 1970's)
                Object labels =
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return Chart.getChart(document.getElementById("
                                                + "'series-chart')).scales.x.ticks"
                                                + ".map(t => t.label)");
                assertThat((List<?>) labels).isNotEmpty().allMatch(""::equals);
                Files.write(SHOTS.resolve("talk.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
            assertThat(finalsOnTheTopic(app.config(), stream)).containsAll(SAID);
        }
    }

    private static String levelDb(org.openqa.selenium.WebDriver d) {
        String db = d.findElement(By.id("talk-level")).getAttribute("data-db");
        return db == null ? "-100" : db;
    }

    /** The words of the talk card's final transcripts, read in one script (the card re-renders). */
    @SuppressWarnings("unchecked")
    private static List<String> finals(org.openqa.selenium.WebDriver d) {
        Object words =
                ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                                "return [...document.querySelectorAll("
                                        + "'#talk-transcripts .utterance:not(.partial) .token')]"
                                        + ".map(e => e.textContent)");
        return (List<String>) words;
    }

    /** The words of the final transcripts of {@code stream} on {@code topic.transcripts}. */
    private static List<String> finalsOnTheTopic(HeedConfig config, String stream)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> words = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        HeedApp.consumerProperties(config),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> parts =
                    consumer.partitionsFor("heed.transcripts").stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !words.containsAll(SAID)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!new String(r.key(), StandardCharsets.UTF_8).equals(stream)) {
                        continue;
                    }
                    JsonNode t = json.readTree(r.value());
                    if (t.path("final").asBoolean()) {
                        t.path("tokens").forEach(tok -> words.add(tok.path("text").asText()));
                    }
                }
            }
        }
        return words;
    }
}
