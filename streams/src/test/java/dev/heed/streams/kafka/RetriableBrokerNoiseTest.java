package dev.heed.streams.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class RetriableBrokerNoiseTest {
    private static final String RETRIED =
            "Invalid sequence number for producer 4 at offset 59 in "
                    + "partition p-0: 5 (incoming seq. number). Expected sequence 0 for transactions v2 "
                    + "idempotent producer with no existing state.";

    private final RetriableBrokerNoise filter = new RetriableBrokerNoise();
    private final LoggerContext context = new LoggerContext();

    @Test
    void shouldDropTheRetriedFirstSequenceRejectionOfTheBroker() {
        assertThat(
                        filter.decide(
                                event(
                                        RetriableBrokerNoise.LOGGER,
                                        new OutOfOrderSequenceException(RETRIED))))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void shouldPassOtherSequenceErrorsOtherLoggersAndPlainLines() {
        assertThat(
                        filter.decide(
                                event(
                                        RetriableBrokerNoise.LOGGER,
                                        new OutOfOrderSequenceException(
                                                "Out of order sequence number for producer 7: 51 (incoming seq. number), 49 (current "
                                                        + "end sequence number)"))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(
                        filter.decide(
                                event(
                                        "kafka.server.KafkaApis",
                                        new OutOfOrderSequenceException(RETRIED))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(
                        filter.decide(
                                event(
                                        RetriableBrokerNoise.LOGGER,
                                        new IllegalStateException(RETRIED))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event(RetriableBrokerNoise.LOGGER, null)))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent event(String logger, Throwable t) {
        return new LoggingEvent(
                "x",
                context.getLogger(logger),
                Level.ERROR,
                "Error processing append operation on partition p-0",
                t,
                null);
    }
}
