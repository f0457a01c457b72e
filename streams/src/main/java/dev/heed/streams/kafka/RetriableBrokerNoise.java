package dev.heed.streams.kafka;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops one ERROR line that the embedded broker logs for a condition Kafka itself retries: under
 * transactions v2 (KIP-890, KAFKA-18202) a partition with no state for a producer rejects any first
 * batch but sequence 0 with a retriable {@code OutOfOrderSequenceException}, and {@code
 * ReplicaManager} logs each rejection at ERROR although the producer sends the batches again in
 * order and nothing is lost. A transactional producer with several batches in flight to a fresh
 * partition (Heed's per-record benchmark baseline, for one) produces dozens of them. Every other
 * broker log line, other sequence errors included, passes unchanged.
 */
public final class RetriableBrokerNoise extends Filter<ILoggingEvent> {
    static final String LOGGER = "kafka.server.ReplicaManager";
    static final String EXCEPTION = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
    static final String MESSAGE = "for transactions v2 idempotent producer with no existing state";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        boolean retried =
                LOGGER.equals(event.getLoggerName())
                        && t != null
                        && EXCEPTION.equals(t.getClassName())
                        && t.getMessage() != null
                        && t.getMessage().contains(MESSAGE);
        return retried ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
