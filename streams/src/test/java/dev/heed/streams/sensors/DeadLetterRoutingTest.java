package dev.heed.streams.sensors;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.header;
import static dev.heed.streams.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterRoutingTest {
    @TempDir Path stateDir;
    private TopologyHarness harness;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<byte[], byte[]> dlq;
    private TestOutputTopic<byte[], byte[]> predictions;
    private RouteCounters counters;

    @BeforeEach
    void start() {
        start(HeedConfig.of(Map.of("input.max.bytes", "2000", "sensors.variables", "value")));
    }

    private void start(HeedConfig config) {
        if (harness != null) {
            harness.close();
        }
        harness = new TopologyHarness(config, stateDir);
        driver = harness.driver;
        in = harness.in;
        dlq = harness.dlq;
        predictions = harness.predictions;
        counters = harness.counters;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("empty", "", "empty", "empty record"),
                Arguments.of(
                        "oversize",
                        "{\"series\":\"s\",\"ts\":"
                                + T0
                                + ",\"value\":1,\"pad\":\""
                                + "x".repeat(3000)
                                + "\"}",
                        "oversize",
                        "3"),
                Arguments.of(
                        "truncated JSON",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"val",
                        "malformed_json",
                        "malformed JSON"),
                Arguments.of("not an object", "42", "malformed_json", "42"),
                Arguments.of("empty array", " []", "missing_field", "empty array"),
                Arguments.of(
                        "unterminated array",
                        "[{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":1},",
                        "malformed_json",
                        "malformed JSON"),
                Arguments.of(
                        "two objects",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":1}{}",
                        "malformed_json",
                        "trailing"),
                Arguments.of("no ts", "{\"series\":\"s\",\"value\":1}", "missing_field", "no ts"),
                Arguments.of(
                        "no values",
                        "{\"series\":\"s\",\"ts\":" + T0 + "}",
                        "missing_field",
                        "no values"),
                Arguments.of(
                        "string value",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":\"12\"}",
                        "non_numeric",
                        "value must be a number, got 12"),
                Arguments.of(
                        "null value",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":null}",
                        "non_numeric",
                        "null"),
                Arguments.of(
                        "NaN",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":NaN}",
                        "non_finite",
                        "NaN"),
                Arguments.of(
                        "Infinity",
                        "{\"series\":\"s\",\"ts\":"
                                + T0
                                + ",\"values\":{\"value\":"
                                + "-Infinity}}",
                        "non_finite",
                        "-Infinity"),
                Arguments.of(
                        "huge number",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":1e400}",
                        "non_finite",
                        "1e400"),
                Arguments.of(
                        "unknown variable",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"values\":{\"value\":1,\"rpm\":2}}",
                        "unknown_variable",
                        "[rpm]"),
                Arguments.of(
                        "variable not configured",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"values\":{\"temp\":1}}",
                        "unknown_variable",
                        "[temp]"),
                Arguments.of(
                        "unparsable ts",
                        "{\"series\":\"s\",\"ts\":\"yesterday\",\"value\":1}",
                        "bad_timestamp",
                        "yesterday"),
                Arguments.of(
                        "ts in seconds",
                        "{\"series\":\"s\",\"ts\":1704067200,\"value\":1}",
                        "absurd_timestamp",
                        "1704067200"),
                Arguments.of(
                        "ts far in the future",
                        "{\"series\":\"s\",\"ts\":\"2999-01-01T00:00:00Z\"," + "\"value\":1}",
                        "absurd_timestamp",
                        "2999"),
                Arguments.of(
                        "ts out of long range",
                        "{\"series\":\"s\",\"ts\":99999999999999999999," + "\"value\":1}",
                        "absurd_timestamp",
                        "99999999999999999999"),
                Arguments.of(
                        "a variable twice",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":1,\"value\":2}",
                        "duplicate_key",
                        "Duplicate field 'value'"),
                Arguments.of(
                        "the series twice",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"series\":\"t\",\"value\":1}",
                        "duplicate_key",
                        "Duplicate field 'series'"),
                Arguments.of(
                        "a variable twice in values",
                        "{\"series\":\"s\",\"ts\":" + T0 + ",\"values\":{\"value\":1,\"value\":2}}",
                        "duplicate_key",
                        "Duplicate field 'value'"),
                Arguments.of(
                        "another series than the key",
                        "{\"series\":\"t\",\"ts\":" + T0 + ",\"value\":1}",
                        "series_key_mismatch",
                        "series 't' is not the record key 's'"),
                Arguments.of(
                        "ISO year out of epoch-ms range",
                        "{\"series\":\"s\"," + "\"ts\":\"+300000000-01-01T00:00:00Z\",\"value\":1}",
                        "absurd_timestamp",
                        "+300000000"));
    }

    @Test
    void shouldReadEveryReadingOfAnArrayAndDeadLetterEachBadElementAlone() {
        String good0 = "{\"series\":\"s\",\"ts\":" + T0 + ",\"value\":1}";
        String noTs = "{\"series\":\"s\", \"value\":2}";
        String good1 = "{\"series\":\"s\",\"ts\":" + (T0 + 60_000) + ",\"value\":3}";
        String value = "[ " + good0 + ",\n" + noTs + " , " + good1 + ",7]";
        Headers original = new RecordHeaders().add("trace-id", utf8("abc"));
        in.pipeInput(new TestRecord<>(utf8("s"), utf8(value), original));
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value()).isEqualTo(utf8(noTs));
        assertThat(header(dead.get(0), "heed.dlq.reason")).isEqualTo("missing_field");
        assertThat(header(dead.get(0), "heed.dlq.message"))
                .startsWith("reading 1 of the record's array: no ts");
        assertThat(header(dead.get(0), "trace-id")).isEqualTo("abc");
        assertThat(dead.get(1).value()).isEqualTo(utf8("7"));
        assertThat(header(dead.get(1), "heed.dlq.reason")).isEqualTo("malformed_json");
        assertThat(header(dead.get(1), "heed.dlq.message")).startsWith("reading 3 of the record's");
        assertThat(counters.recordsIn()).isEqualTo(1);
        assertThat(counters.readingsIn()).isEqualTo(4);
        // the good readings were taken: sent again, both are refused as already seen
        in.pipeInput(new TestRecord<>(utf8("s"), utf8("[" + good0 + "," + good1 + "]"), original));
        List<TestRecord<byte[], byte[]>> late = dlq.readRecordsToList();
        assertThat(late)
                .extracting(r -> header(r, "heed.dlq.reason"))
                .containsExactly("late", "late");
        assertThat(late)
                .extracting(r -> header(r, "heed.dlq.message"))
                .satisfiesExactly(
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "reading 0 of the record's array: reading at ts"),
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "reading 1 of the record's array: reading at ts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void shouldRouteEveryBadRecordToTheDeadLetterTopicWithItsReason(
            String kind, String value, String reason, String mentioned) {
        Headers original = new RecordHeaders().add("trace-id", utf8("abc"));
        in.pipeInput(new TestRecord<>(utf8("s"), utf8(value), original));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(utf8(value));
        assertThat(dead.key()).isEqualTo(utf8("s"));
        assertThat(header(dead, "heed.dlq.reason")).isEqualTo(reason);
        assertThat(header(dead, "heed.dlq.message")).contains(mentioned);
        assertThat(header(dead, "heed.dlq.source.topic")).isEqualTo("heed.sensors");
        assertThat(header(dead, "heed.dlq.source.partition")).isEqualTo("0");
        assertThat(header(dead, "heed.dlq.source.offset")).isEqualTo("0");
        assertThat(header(dead, "trace-id")).isEqualTo("abc");
        assertThat(counters.deadLettersByReason()).containsEntry(reason, 1L);
        assertThat(counters.recordsIn()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterABlockWithTooManyBadReadingsOnceWhole() {
        start(HeedConfig.of(Map.of("input.max.bytes", "20000", "sensors.variables", "value")));
        String good0 = "{\"ts\":" + T0 + ",\"value\":1}";
        String good1 = "{\"ts\":" + (T0 + 60_000) + ",\"value\":2}";
        StringBuilder block = new StringBuilder("[" + good0);
        for (int i = 0; i < 148; i++) {
            block.append(",").append(i);
        }
        block.append(",").append(good1).append("]");
        in.pipeInput(utf8("s"), utf8(block.toString()));
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(utf8(block.toString()));
        assertThat(header(dead.get(0), "heed.dlq.reason")).isEqualTo("too_many_bad_readings");
        assertThat(header(dead.get(0), "heed.dlq.message"))
                .contains("148 of the 150 readings")
                .contains("{malformed_json=148}")
                .contains("input.max.dead.letters=100")
                .contains("reading 1 of the record's array");
        assertThat(counters.readingsIn()).isEqualTo(150);
        // the good readings were used: sent again, they are late
        in.pipeInput(utf8("s"), utf8("[" + good0 + "," + good1 + "]"));
        assertThat(dlq.readRecordsToList())
                .extracting(r -> header(r, "heed.dlq.reason"))
                .containsExactly("late", "late");
        // at the limit, each bad reading still gets its own dead letter
        StringBuilder hundred = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            hundred.append(i == 0 ? "" : ",").append(i);
        }
        in.pipeInput(utf8("s"), utf8(hundred.append("]").toString()));
        assertThat(dlq.readRecordsToList()).hasSize(100);
    }

    @Test
    void shouldRefuseAKeyThatIsNotUtf8Text() {
        byte[] key = {(byte) 0xC3, 0x28, 0x41};
        in.pipeInput(key, utf8("{\"ts\":" + T0 + ",\"value\":1}"));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.key()).isEqualTo(key);
        assertThat(header(dead, "heed.dlq.reason")).isEqualTo("bad_key");
        assertThat(header(dead, "heed.dlq.message")).contains("not UTF-8").contains("c32841");
        assertThat(predictions.isEmpty()).isTrue();
    }

    @Test
    void shouldHoldEachSeriesToTheVariablesOfItsFirstReading() {
        start(HeedConfig.of(Map.of()));
        in.pipeInput(utf8("m"), Fixtures.reading("m", T0, "temp", 1, "vib", 2));
        in.pipeInput(
                utf8("m"),
                utf8("{\"series\":\"m\",\"ts\":" + (T0 + 1) + ",\"values\":{\"temp\":1}}"));
        in.pipeInput(
                utf8("m"),
                utf8(
                        "{\"series\":\"m\",\"ts\":"
                                + (T0 + 2)
                                + ",\"values\":{\"temp\":1,\"vib\":2,\"rpm\":3}}"));
        in.pipeInput(utf8("m"), Fixtures.reading("m", T0 + 3, "vib", 1, "temp", 2));
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), "heed.dlq.reason")).isEqualTo("missing_variable");
        assertThat(header(dead.get(0), "heed.dlq.message")).contains("[vib]");
        assertThat(header(dead.get(1), "heed.dlq.reason")).isEqualTo("unknown_variable");
        assertThat(header(dead.get(1), "heed.dlq.message")).contains("[rpm]");
    }

    @Test
    void shouldRouteLateAndDuplicateReadingsAndKeepGoing() {
        in.pipeInput(utf8("s"), Fixtures.reading("s", T0 + 60_000, 1));
        in.pipeInput(utf8("s"), Fixtures.reading("s", T0, 2));
        in.pipeInput(utf8("s"), Fixtures.reading("s", T0 + 60_000, 3));
        in.pipeInput(utf8("s"), Fixtures.reading("s", T0 + 120_000, 4));
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), "heed.dlq.reason")).isEqualTo("late");
        assertThat(header(dead.get(0), "heed.dlq.message")).contains("60000 ms older");
        assertThat(header(dead.get(1), "heed.dlq.reason")).isEqualTo("late");
        assertThat(header(dead.get(1), "heed.dlq.source.offset")).isEqualTo("2");
        assertThat(counters.recordsIn()).isEqualTo(4);
        assertThat(counters.deadLetters()).isEqualTo(2);
    }

    @Test
    void shouldKeepProcessingGoodRecordsAfterBadOnes() {
        int steps = Fixtures.model().descriptor().window();
        for (int i = 0; i < steps; i++) {
            in.pipeInput(utf8("s"), utf8("garbage " + i));
            in.pipeInput(utf8("s"), Fixtures.reading("s", T0 + i * 60_000L, Fixtures.wave(i)));
        }
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        assertThat(predictions.readValuesToList()).hasSize(1);
        assertThat(dlq.readValuesToList()).hasSize(steps);
        assertThat(counters.recordsIn()).isEqualTo(2L * steps);
    }
}
