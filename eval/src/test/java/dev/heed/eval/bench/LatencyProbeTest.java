package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LatencyProbeTest {
    @Test
    void shouldReadTheWindowEndFromAPredictionsValue() {
        byte[] p =
                ("{\"series\":\"s3\",\"model\":{\"name\":\"m\",\"version\":\"1\"},\"window\":"
                                + "{\"start\":\"2023-11-14T22:13:20Z\",\"end\":\"2023-11-14T22:14:23Z\","
                                + "\"start_ms\":1700000000000,\"end_ms\":1700000063000,\"steps\":64}}")
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(LatencyProbe.windowEnd(p)).isEqualTo(1_700_000_063_000L);
    }

    @Test
    void shouldRefuseAValueWithoutAWindowEnd() {
        assertThatThrownBy(
                        () ->
                                LatencyProbe.windowEnd(
                                        "{\"series\":\"s3\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("without window.end_ms");
    }
}
