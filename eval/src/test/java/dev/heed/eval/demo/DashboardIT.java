package dev.heed.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.cli.AudioChunks;
import dev.heed.streams.web.Dashboard;
import dev.heed.streams.web.HttpSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, against Heed on the embedded broker with the demo's
 * replay of real NAB series flowing. Screenshots go to {@code target/dashboard-it/}.
 *
 * <p>Everything shown is real: the anomaly is flagged by the topology in the replayed NAB samples,
 * and the transcripts come from a shipped FSDD test recording of four digits streamed in real time
 * through the audio topology. Skipped, saying why, where no Chromium is installed.
 */
class DashboardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");
    private static final Path SHOTS = Path.of("target/dashboard-it");

    @TempDir Path tmp;

    @Test
    void shouldShowLiveSeriesAttentionAnomalyExplanationAndTranscriptsInTheBrowser()
            throws Exception {
        Optional<Chromium> chromium = Chromium.find();
        assumeTrue(
                chromium.isPresent(),
                "no Chromium and chromedriver found (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver); apt-get install chromium chromium-driver to run this test");
        Files.createDirectories(SHOTS);
        HeedConfig config =
                HeedConfig.of(
                        Map.of(
                                "embedded.dir",
                                tmp.resolve("kafka").toString(),
                                "embedded.port",
                                "0",
                                "state.dir",
                                tmp.resolve("streams").toString(),
                                "application.id",
                                "heed-dashboard-it",
                                "http.port",
                                "0"));
        try (SpeechModel speech = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU);
                HeedApp app =
                        HeedApp.start(
                                config,
                                ModelSource.of(Fixtures.model()),
                                SpeechSource.of(speech),
                                new RouteCounters());
                Dashboard web = Dashboard.start(app, HttpSettings.of(app.config()))) {
            DemoReplay replay =
                    new DemoReplay(
                            app.config(), 150, new PrintStream(OutputStream.nullOutputStream()));
            replay.start();
            ChromeDriver browser = chromium.get().start(tmp.resolve("profile"), 1400, 1450);
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(
                            HeedApp.producerProperties(app.config()),
                            new ByteArraySerializer(),
                            new ByteArraySerializer())) {
                browser.get(web.url().toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));

                wait.until(
                        d ->
                                d.findElements(By.cssSelector("#series-list li[data-series]"))
                                                .size()
                                        == 4);
                wait.until(
                        d ->
                                number(d, "#series-chart", "data-points") >= 64
                                        && number(d, "#series-chart", "data-forecast-points") >= 8
                                        && number(d, "#heatmap", "data-rows") >= 3);
                assertThat(
                                browser
                                        .findElements(
                                                By.cssSelector("#series-list li[data-series]"))
                                        .stream()
                                        .map(e -> e.getAttribute("data-series"))
                                        .collect(Collectors.toSet()))
                        .isEqualTo(Set.of(DemoReplay.SAMPLES));
                assertThat(number(browser, "#window-chart", "data-bars"))
                        .isEqualTo(Fixtures.model().descriptor().window());
                assertThat(paintedPixels(browser, "#heatmap")).isGreaterThan(1000);

                long events = number(browser, "#status", "data-events");
                String latest = attr(browser, "#series-chart", "data-latest");
                wait.until(
                        d ->
                                number(d, "#status", "data-events") >= events + 3
                                        && !attr(d, "#series-chart", "data-latest").equals(latest));

                AudioChunks.send(producer, "heed.audio", "mic-1", WavFile.read(DIGITS), 100, true);
                wait.until(
                        d ->
                                d.findElements(By.cssSelector(".utterance:not(.partial) .token"))
                                                .size()
                                        == 4);
                assertThat(browser.findElements(By.cssSelector(".utterance")))
                        .as("partials replaced")
                        .hasSize(4);
                assertThat(
                                browser.findElements(By.cssSelector(".utterance .token")).stream()
                                        .map(WebElement::getText)
                                        .toList())
                        .containsExactlyInAnyOrder("two", "zero", "four", "eight");
                hoverFirstToken(browser, wait);
                shot(browser, "dashboard.png");

                // the list re-renders as anomalies arrive: find and click the same element, or try
                // again
                String series =
                        wait.until(
                                d -> {
                                    try {
                                        WebElement anomaly =
                                                d.findElement(
                                                        By.cssSelector(
                                                                "#anomaly-list li[data-series]"));
                                        String s = anomaly.getAttribute("data-series");
                                        anomaly.click();
                                        return s;
                                    } catch (NoSuchElementException
                                            | StaleElementReferenceException e) {
                                        return null;
                                    }
                                });
                wait.until(
                        d ->
                                d.findElement(By.id("window-title"))
                                        .getText()
                                        .startsWith("Anomaly in " + series));
                assertThat(browser.findElement(By.id("explain")).getText())
                        .contains("observed")
                        .contains("expected")
                        .contains("top steps");
                hoverFirstToken(browser, wait);
                shot(browser, "dashboard-anomaly.png");
            } finally {
                browser.quit();
                replay.stop();
            }
            String metrics = get(web.url().resolve("metrics"));
            assertThat(metrics)
                    .containsPattern("heed_records_in_total\\{topic=\"heed.sensors\"} [1-9]")
                    .containsPattern("heed_records_in_total\\{topic=\"heed.audio\"} [1-9]")
                    .containsPattern(
                            "heed_dashboard_records_total\\{topic=\"heed.transcripts\"} [1-9]");
        }
    }

    /** Rests the pointer on the newest utterance's first token; its attention must be drawn. */
    private static void hoverFirstToken(ChromeDriver browser, WebDriverWait wait) {
        WebElement token = browser.findElement(By.cssSelector(".utterance .token"));
        new Actions(browser).moveToElement(token).perform();
        wait.until(
                d ->
                        token.getText()
                                .equals(
                                        d.findElement(By.cssSelector(".utterance canvas"))
                                                .getAttribute("data-highlight")));
    }

    private static long number(WebDriver d, String css, String attribute) {
        String v = attr(d, css, attribute);
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private static String attr(WebDriver d, String css, String attribute) {
        String v = d.findElement(By.cssSelector(css)).getAttribute(attribute);
        return v == null ? "" : v;
    }

    /** Pixels of a canvas that are not blank or white: proof that something was drawn. */
    private static long paintedPixels(ChromeDriver d, String css) {
        Object n =
                d.executeScript(
                        "const c = document.querySelector(arguments[0]);"
                                + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                                + "for (let i = 0; i < px.length; i += 4)"
                                + "  if (px[i + 3] > 0 && px[i] + px[i + 1] + px[i + 2] < 750) n++;"
                                + "return n;",
                        css);
        return ((Number) n).longValue();
    }

    private static void shot(ChromeDriver d, String name) throws Exception {
        Path png = d.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
