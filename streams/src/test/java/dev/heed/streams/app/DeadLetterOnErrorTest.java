package dev.heed.streams.app;

import static dev.heed.streams.Fixtures.header;
import static dev.heed.streams.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.RouteCounters;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterOnErrorTest {
    private final RouteCounters counters = new RouteCounters();

    private DeadLetterOnError.Production production() {
        DeadLetterOnError.Production p = new DeadLetterOnError.Production();
        p.configure(
                Map.of(
                        DeadLetterOnError.COUNTERS, counters,
                        DeadLetterOnError.DLQ_TOPIC, "heed.dlq",
                        DeadLetterOnError.MAX_BYTES, "20000"));
        return p;
    }

    @Test
    void shouldDeadLetterARecordTheBrokerRefusesCutToFit() {
        ProducerRecord<byte[], byte[]> big =
                new ProducerRecord<>("heed.predictions", utf8("s"), new byte[2_000_000]);
        ProductionExceptionHandler.Response r =
                production().handleError(context(), big, new RecordTooLargeException("too big"));
        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = r.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("heed.dlq");
        assertThat(dead.value().length).isLessThan(20000);
        assertThat(header(dead.headers(), "heed.dlq.reason")).isEqualTo("output_too_large");
        assertThat(header(dead.headers(), "heed.dlq.value.truncated")).isEqualTo("2000000");
        assertThat(header(dead.headers(), "heed.dlq.source.offset")).isEqualTo("42");
        assertThat(counters.deadLettersByReason()).containsEntry("output_too_large", 1L);
    }

    @Test
    void shouldRetryARetriableErrorAndNeverDeadLetterADeadLetter() {
        ProducerRecord<byte[], byte[]> p =
                new ProducerRecord<>("heed.predictions", utf8("s"), utf8("{}"));
        assertThat(
                        production()
                                .handleError(context(), p, new NotEnoughReplicasException("1 of 3"))
                                .result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        ProductionExceptionHandler.Response r =
                production()
                        .handleError(
                                context(),
                                new ProducerRecord<>("heed.dlq", utf8("s"), new byte[10]),
                                new RecordTooLargeException("too big"));
        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
        assertThat(counters.deadLettersByReason()).containsEntry("dlq_refused", 1L);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "heed.sensors";
            }

            @Override
            public int partition() {
                return 3;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "sensor-attention";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 3);
            }

            @Override
            public long timestamp() {
                return 1_700_000_000_000L;
            }

            @Override
            public byte[] sourceRawKey() {
                return utf8("s");
            }

            @Override
            public byte[] sourceRawValue() {
                return utf8("{}");
            }
        };
    }
}
