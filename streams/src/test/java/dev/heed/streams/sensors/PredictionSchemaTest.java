package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.TopologyHarness;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every prediction the topology writes conforms to the published JSON Schema. */
public class PredictionSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path stateDir;

    private static JsonSchema schema() throws Exception {
        return schema("prediction");
    }

    /** A published schema; its {@code $ref}s to sibling schemas resolve on the classpath. */
    public static JsonSchema schema(String name) throws Exception {
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012,
                        b ->
                                b.schemaMappers(
                                        m ->
                                                m.mapPrefix(
                                                        "https://heed.dev/schema/",
                                                        "classpath:schema/")));
        try (InputStream in =
                PredictionSchemaTest.class.getResourceAsStream(
                        "/schema/" + name + ".schema.json")) {
            return factory.getSchema(in);
        }
    }

    @Test
    void shouldWriteAnomaliesThatConformToTheirSchema() throws Exception {
        JsonSchema schema = schema("anomaly");
        List<byte[]> anomalies = new java.util.ArrayList<>();
        try (TopologyHarness h =
                new TopologyHarness(
                        HeedConfig.of(
                                Map.of(
                                        "window.stride",
                                        "1",
                                        "anomaly.warmup",
                                        "0",
                                        "anomaly.threshold",
                                        "0",
                                        "anomaly.holdoff",
                                        "0",
                                        // a long context of 4 buckets of 5 readings, scored
                                        // from the 40th reading on
                                        "anomaly.novelty.span",
                                        "20m",
                                        "anomaly.novelty.points",
                                        "4")),
                        stateDir)) {
            for (int i = 0; i < 80; i++) {
                h.in.pipeInput(
                        Fixtures.utf8("s"),
                        Fixtures.reading(
                                "s", T0 + i * 60_000L, Fixtures.wave(i) + (i == 75 ? 40 : 0)));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            anomalies.addAll(h.anomalies.readValuesToList());
        }
        assertThat(anomalies).hasSizeGreaterThan(10);
        int contexts = 0;
        int shapes = 0;
        for (byte[] a : anomalies) {
            JsonNode n = JSON.readTree(a);
            assertThat(schema.validate(n)).as("%s", new String(a)).isEmpty();
            contexts += n.get("long_context").isObject() ? 1 : 0;
            shapes += n.get("recent_shape").isObject() ? 1 : 0;
        }
        assertThat(contexts).as("anomalies with a long_context").isPositive();
        assertThat(shapes).as("anomalies with a recent_shape").isPositive();
        JsonNode bad = JSON.readTree(anomalies.get(0));
        ((ObjectNode) bad).remove("expected");
        ((ObjectNode) bad.path("attention")).put("method", "saliency");
        assertThat(schema.validate(bad)).hasSize(2);
    }

    private List<byte[]> predictions(Map<String, String> overrides, boolean multivariate) {
        try (TopologyHarness h = new TopologyHarness(HeedConfig.of(overrides), stateDir)) {
            int steps = Fixtures.model().descriptor().window();
            for (int i = 0; i < steps + 8; i++) {
                long ts = T0 + i * 60_000L + (i % 3) * 7_000L;
                h.in.pipeInput(
                        Fixtures.utf8("s"),
                        multivariate
                                ? Fixtures.reading("s", ts, "a", Fixtures.wave(i), "b", i)
                                : Fixtures.reading("s", ts, Fixtures.wave(i)));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            return h.predictions.readValuesToList();
        }
    }

    @Test
    void shouldConformToThePublishedSchemaInEveryMode() throws Exception {
        JsonSchema schema = schema();
        int checked = 0;
        for (Map<String, String> o :
                List.of(
                        Map.<String, String>of(),
                        Map.of(
                                "window.mode",
                                "time",
                                "window.interval",
                                "1m",
                                "attention.method",
                                "query"),
                        Map.of("attention.method", "head_mean", "attention.top.k", "64"))) {
            for (boolean multi : new boolean[] {false, true}) {
                for (byte[] p : predictions(o, multi)) {
                    Set<ValidationMessage> errors = schema.validate(JSON.readTree(p));
                    assertThat(errors).as("%s", new String(p)).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void shouldRejectARecordThatBreaksTheSchema() throws Exception {
        JsonNode good = JSON.readTree(predictions(Map.of(), false).get(0));
        ObjectNode bad = good.deepCopy();
        ((ObjectNode) bad.path("attention")).put("method", "saliency");
        bad.remove("series");
        assertThat(schema().validate(bad)).hasSize(2);
    }
}
