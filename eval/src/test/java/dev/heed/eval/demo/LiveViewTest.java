package dev.heed.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The demo's anomaly line says what raised the alarm. */
class LiveViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode anomaly(String fields) throws Exception {
        return JSON.readTree("{\"threshold\": 0.9999, " + fields + "}");
    }

    @Test
    void shouldNameTheRangeBreakOrTheNoveltyScoresThatPassedTheThreshold() throws Exception {
        assertThat(LiveView.why(anomaly("\"range_break\": true")))
                .isEqualTo(" (outside the range seen so far)");
        assertThat(
                        LiveView.why(
                                anomaly(
                                        "\"range_break\": false, \"long_context\": null,"
                                                + " \"recent_shape\": {\"novelty_likelihood\": 0.5},"
                                                + " \"representation\": {\"novelty_likelihood\":"
                                                + " 0.99999}")))
                .isEqualTo(" (new shape: model representation)");
        assertThat(
                        LiveView.why(
                                anomaly(
                                        "\"long_context\": {\"novelty_likelihood\": 1.0},"
                                                + " \"recent_shape\": {\"novelty_likelihood\":"
                                                + " 0.99995}")))
                .isEqualTo(" (new shape: long context, recent shape)");
        assertThat(
                        LiveView.why(
                                anomaly(
                                        "\"range_break\": false, \"stuck_run\": {\"variable\": \"temp\","
                                                + " \"readings\": 21,"
                                                + " \"since\": \"2014-04-13T01:15:00Z\"}")))
                .isEqualTo(" (stuck: temp, 21 identical readings since 2014-04-13T01:15:00Z)");
        assertThat(LiveView.why(anomaly("\"range_break\": false, \"stuck_run\": null"))).isEmpty();
        assertThat(LiveView.why(anomaly("\"range_break\": false"))).isEmpty();
    }
}
