package dev.heed.streams.app;

import dev.heed.streams.RouteCounters;
import dev.heed.streams.internal.DeadLetters;
import dev.heed.streams.internal.Reason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' exception handlers, set by {@link HeedApp#streamsProperties}: a record that makes
 * a processor throw, or that the producer refuses for good, goes to the dead-letter topic with its
 * reason (through Kafka Streams' own dead-letter records, bounded like every dead letter) and the
 * thread goes on; retriable production errors are retried.
 */
public final class DeadLetterOnError {
    /** Config keys under which {@link HeedApp} hands the handlers what they need. */
    static final String COUNTERS = "heed.route.counters";

    static final String DLQ_TOPIC = "heed.dlq.topic";
    static final String MAX_BYTES = "heed.output.max.bytes";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnError.class);

    private final RouteCounters counters;
    private final String dlq;
    private final int maxBytes;

    private DeadLetterOnError(Map<String, ?> configs) {
        Object c = configs.get(COUNTERS);
        this.counters = c instanceof RouteCounters r ? r : new RouteCounters();
        this.dlq = String.valueOf(configs.get(DLQ_TOPIC));
        this.maxBytes = Integer.parseInt(String.valueOf(configs.get(MAX_BYTES)));
    }

    /** A dead letter for what {@code context} says was being processed. */
    private ProducerRecord<byte[], byte[]> deadLetter(
            ErrorHandlerContext context, byte[] key, byte[] value, Reason reason, Exception e) {
        String message =
                reason.wireName()
                        + " in "
                        + context.processorNodeId()
                        + ": "
                        + e
                        + "; the record is skipped and the thread goes on (find it by its source"
                        + " offset; report the exception if it is not the record's fault)";
        Record<byte[], byte[]> r =
                DeadLetters.of(
                        new Record<>(
                                key,
                                value,
                                Math.max(0, context.timestamp()),
                                context.headers() == null
                                        ? new RecordHeaders()
                                        : context.headers()),
                        reason,
                        message,
                        new DeadLetters.Source(
                                String.valueOf(context.topic()),
                                context.partition(),
                                context.offset()),
                        maxBytes);
        counters.deadLetter(reason.wireName());
        return new ProducerRecord<>(dlq, null, r.timestamp(), r.key(), r.value(), r.headers());
    }

    /** A processor threw: the source record is dead-lettered as {@code processing_error}. */
    public static final class Processing implements ProcessingExceptionHandler {
        private DeadLetterOnError out;

        @Override
        public void configure(Map<String, ?> configs) {
            out = new DeadLetterOnError(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
            LOG.error(
                    "{} failed on {}-{}@{}; dead-lettered as processing_error, going on",
                    context.processorNodeId(),
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    e);
            return Response.resume(
                    List.of(
                            out.deadLetter(
                                    context,
                                    context.sourceRawKey(),
                                    context.sourceRawValue(),
                                    Reason.PROCESSING_ERROR,
                                    e)));
        }
    }

    /**
     * The producer refused a record: retried when the error is retriable; a dead letter otherwise
     * ({@code output_too_large} or {@code production_error}; never for a dead letter itself, which
     * is logged and counted as dropped, so no loop).
     */
    public static final class Production implements ProductionExceptionHandler {
        private DeadLetterOnError out;

        @Override
        public void configure(Map<String, ?> configs) {
            out = new DeadLetterOnError(configs);
        }

        @Override
        public Response handleError(
                ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception e) {
            if (e instanceof RetriableException) {
                return Response.retry();
            }
            Reason reason =
                    e instanceof RecordTooLargeException
                            ? Reason.OUTPUT_TOO_LARGE
                            : Reason.PRODUCTION_ERROR;
            if (record.topic().equals(out.dlq)) {
                LOG.error("dead letter to {} refused and dropped: {}", record.topic(), e);
                out.counters.deadLetter("dlq_refused");
                return Response.resume();
            }
            LOG.error("record to {} refused; dead-lettered as {}", record.topic(), reason, e);
            return Response.resume(
                    List.of(out.deadLetter(context, record.key(), record.value(), reason, e)));
        }
    }
}
