package dev.heed.streams.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.app.Liveness;
import dev.heed.streams.metrics.HeedMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints without a broker: metrics text, health JSON and codes, the token. */
class WebServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Liveness> state =
            new AtomicReference<>(new Liveness(true, true, "RUNNING", ""));
    private final RouteCounters counters = new RouteCounters();
    private HeedMetrics metrics;
    private WebServer server;

    private URI start(Optional<String> token) throws Exception {
        metrics = new HeedMetrics();
        metrics.bindRoutes(counters, HeedConfig.defaults());
        server =
                WebServer.start(
                        "127.0.0.1",
                        0,
                        token,
                        metrics,
                        state::get,
                        new LiveState(10),
                        Optional.empty());
        return server.url();
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void shouldExportRoutesBatchesAndInferenceTimeAsPrometheusText() throws Exception {
        URI url = start(Optional.empty());
        for (int i = 0; i < 3; i++) {
            counters.recordIn();
        }
        for (int i = 0; i < 17; i++) {
            counters.readingIn();
        }
        counters.window();
        counters.prediction();
        counters.deadLetter("late");
        counters.deadLetter("a_new_reason");
        counters.batch(4, 12.5);

        HttpResponse<String> r = get(url.resolve("metrics"), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body())
                .contains("heed_records_in_total{topic=\"heed.sensors\"} 3.0")
                .contains("heed_readings_in_total{topic=\"heed.sensors\"} 17.0")
                .contains("heed_records_out_total{topic=\"heed.predictions\"} 1.0")
                .contains("heed_records_out_total{topic=\"heed.dlq\"} 2.0")
                .contains("heed_windows_total 1.0")
                .contains("heed_dead_letters_total{reason=\"late\"} 1.0")
                .contains("heed_dead_letters_total{reason=\"a_new_reason\"} 1.0")
                .contains("heed_dead_letters_total{reason=\"malformed_json\"} 0.0")
                .contains("heed_batch_size_bucket{le=\"2.0\"} 0")
                .contains("heed_batch_size_bucket{le=\"4.0\"} 1")
                .contains("heed_inference_seconds_bucket{le=\"0.01\"} 0")
                .contains("heed_inference_seconds_bucket{le=\"0.02\"} 1")
                .contains("heed_inference_seconds_sum 0.0125")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldReportReadinessAndLivenessAndWhyNotLive() throws Exception {
        URI url = start(Optional.empty());
        assertHealth(url, "ready", 200, "UP", "RUNNING");
        assertHealth(url, "live", 200, "UP", "RUNNING");
        state.set(new Liveness(true, false, "REBALANCING", ""));
        assertHealth(url, "ready", 503, "DOWN", "REBALANCING");
        assertHealth(url, "live", 200, "UP", "REBALANCING");
        state.set(new Liveness(false, true, "RUNNING", "t-1-consumer has not polled for 31 s"));
        assertHealth(url, "live", 503, "DOWN", "RUNNING");
        assertThat(get(url.resolve("health/live"), null).body())
                .contains("\"detail\":\"t-1-consumer has not polled for 31 s\"");
    }

    @Test
    void shouldAskForTheTokenEverywhereButTheHealthChecks() throws Exception {
        URI url = start(Optional.of("s3cret"));
        assertThat(get(url.resolve("metrics"), null).statusCode()).isEqualTo(401);
        assertThat(get(url.resolve("metrics"), "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get(url.resolve("metrics"), "Bearer s3cret").statusCode()).isEqualTo(200);
        assertThat(
                        get(
                                        url.resolve("api/snapshot"),
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(
                                                                "prometheus:s3cret".getBytes()))
                                .statusCode())
                .isEqualTo(200);
        assertThat(get(url.resolve("health/ready"), null).statusCode()).isEqualTo(200);
        HttpResponse<String> link = get(url.resolve("/?token=s3cret"), null);
        assertThat(link.statusCode()).isEqualTo(303);
        String cookie = link.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("heed_token=s3cret;").contains("HttpOnly");
        HttpResponse<String> page =
                http.send(
                        HttpRequest.newBuilder(url)
                                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Heed dashboard</title>");
    }

    @Test
    void shouldServeThePageAndChartJsFromTheJarAndNothingOutsideIt() throws Exception {
        URI url = start(Optional.empty());
        assertThat(get(url.resolve("vendor/chart.js"), null).body()).contains("Chart");
        assertThat(get(url.resolve("app.js"), null).statusCode()).isEqualTo(200);
        // Jetty refuses a path that climbs out as ambiguous (400); an unknown name is 404
        for (String escape : new String[] {"../pom.xml", "%2e%2e/pom.xml", "..%2fpom.xml"}) {
            HttpResponse<String> r = get(url.resolve(escape), null);
            assertThat(r.statusCode()).as(escape).isIn(400, 404);
            assertThat(r.body()).as(escape).doesNotContain("<project");
        }
        assertThat(get(url.resolve("schema/prediction.schema.json"), null).statusCode())
                .isEqualTo(404);
        assertThat(get(url.resolve("talk.js"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerOnlyGetAndHead() throws Exception {
        URI url = start(Optional.empty());
        HttpResponse<String> post =
                http.send(
                        HttpRequest.newBuilder(url.resolve("metrics"))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> head =
                http.send(
                        HttpRequest.newBuilder(url.resolve("health/live"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void shouldStreamEventsAfterTheLastIdSeen() throws Exception {
        LiveState live = new LiveState(10);
        metrics = new HeedMetrics();
        server =
                WebServer.start(
                        "127.0.0.1",
                        0,
                        Optional.empty(),
                        metrics,
                        state::get,
                        live,
                        Optional.empty());
        live.transcript("mic-1", 1, "{\"stream\":\"mic-1\",\"utterance\":1}");
        long first = live.seq();
        live.transcript("mic-1", 2, "{\"stream\":\"mic-1\",\"utterance\":2}");
        HttpResponse<java.io.InputStream> r =
                http.send(
                        HttpRequest.newBuilder(server.url().resolve("events"))
                                .header("Last-Event-ID", Long.toString(first))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/event-stream");
        try (java.io.BufferedReader in =
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                                r.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo(": heed");
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).isEqualTo("id: " + live.seq());
            assertThat(in.readLine()).isEqualTo("event: transcript");
            assertThat(in.readLine()).contains("\"utterance\":2");
        }
    }

    private void assertHealth(URI url, String check, int code, String status, String st)
            throws Exception {
        HttpResponse<String> r = get(url.resolve("health/" + check), null);
        assertThat(r.statusCode()).as(check + " in " + st).isEqualTo(code);
        JsonNode j = Json.MAPPER.readTree(r.body());
        assertThat(j.path("status").asText()).isEqualTo(status);
        assertThat(j.path("check").asText()).isEqualTo(check);
        assertThat(j.path("state").asText()).isEqualTo(st);
    }

    private HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
