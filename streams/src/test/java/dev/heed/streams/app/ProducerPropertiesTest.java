package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.HeedConfig;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerPropertiesTest {

    @Test
    void shouldKeepOneRequestInFlightUnlessTheUserSetsIt() {
        Map<String, Object> p = HeedApp.producerProperties(HeedConfig.defaults());
        assertThat(p).containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);

        Map<String, Object> mine =
                HeedApp.producerProperties(
                        HeedConfig.of(
                                Map.of(
                                        "max.in.flight.requests.per.connection", "3",
                                        "linger.ms", "7",
                                        "group.id", "not-a-producer-key")));
        assertThat(mine)
                .containsEntry("max.in.flight.requests.per.connection", "3")
                .containsEntry("linger.ms", "7")
                .doesNotContainKey("group.id");
    }
}
