package dev.heed.streams.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStateTest {

    @Test
    void shouldReplaceAPartialByTheFinalOfTheSameUtterance() throws Exception {
        LiveState s = new LiveState(4);
        s.transcript("mic-1", 3, "{\"text\":\"four\",\"final\":false}");
        s.transcript("mic-1", 3, "{\"text\":\"four two\",\"final\":true}");
        s.transcript("mic-2", 3, "{\"text\":\"nine\",\"final\":true}");

        JsonNode snap = Json.MAPPER.readTree(s.snapshotJson());

        assertThat(snap.path("transcripts"))
                .extracting(JsonNode::toString)
                .containsExactly(
                        "{\"text\":\"four two\",\"final\":true}",
                        "{\"text\":\"nine\",\"final\":true}");
        assertThat(snap.path("seq").asLong()).as("every update is an event").isEqualTo(3);
    }

    @Test
    void shouldKeepBoundedHistoryPerSeriesAndRefuseSeriesBeyondTheLimit() throws Exception {
        LiveState s = new LiveState(2);
        for (int i = 0; i < LiveState.PER_SERIES + 5; i++) {
            assertThat(s.prediction("a", "{\"i\":" + i + "}")).isTrue();
        }
        assertThat(s.prediction("b", "{}")).isTrue();
        assertThat(s.prediction("c", "{}")).isFalse();

        JsonNode a = Json.MAPPER.readTree(s.snapshotJson()).path("predictions").path("a");
        assertThat(a.size()).isEqualTo(LiveState.PER_SERIES);
        assertThat(a.get(0).path("i").asInt()).isEqualTo(5);
    }

    @Test
    void shouldHandEventsAfterASequenceNumberAndWaitForTheNext() throws Exception {
        LiveState s = new LiveState(2);
        s.anomaly("{\"n\":1}");
        s.anomaly("{\"n\":2}");
        assertThat(s.await(1, 0)).extracting(LiveState.Event::json).containsExactly("{\"n\":2}");
        assertThat(s.await(2, 10)).isEmpty();
        Thread later = new Thread(() -> s.prediction("x", "{\"n\":3}"));
        later.start();
        List<LiveState.Event> next = s.await(2, 10_000);
        later.join();
        assertThat(next).extracting(LiveState.Event::type).containsExactly("prediction");
    }

    @Test
    void shouldDropTheOldestEventsBeyondTheLogBound() throws Exception {
        LiveState s = new LiveState(1);
        for (int i = 0; i < LiveState.LOG_EVENTS + 10; i++) {
            s.anomaly("{}");
        }
        List<LiveState.Event> all = s.await(0, 0);
        assertThat(all).hasSize(LiveState.LOG_EVENTS);
        assertThat(all.get(0).seq()).isEqualTo(11);
    }
}
