package dev.heed.streams.fuzz;

import static dev.heed.streams.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;

/**
 * What the dead letters of one hostile sensor record must be. A record that is a JSON array of
 * readings (a block, README "Reading") is read element by element, so each element goes to the
 * dead-letter topic alone, its value the element's own JSON; any other record goes there whole.
 * Whether a record is a block is decided here with Jackson's tree model, independently of Heed's
 * streaming splitter.
 */
public final class SensorDeadLetters {
    private static final JsonMapper TREE =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private final int maxBytes;

    /**
     * @param maxBytes the topology's {@code input.max.bytes}
     */
    public SensorDeadLetters(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** How many dead letters a record that Heed must reject whole or element by element gives. */
    public int count(byte[] value) {
        JsonNode block = block(value);
        return block == null ? 1 : block.size();
    }

    /** The elements of a record that Heed must read as a block, or null when it is not one. */
    JsonNode block(byte[] value) {
        if (value == null || value.length == 0 || value.length > maxBytes) {
            return null;
        }
        try {
            JsonNode tree = TREE.readTree(value);
            return tree != null && tree.isArray() && !tree.isEmpty() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Asserts the dead letters one hostile record produced.
     *
     * @param dead the dead letters whose {@code heed.dlq.source.offset} is the record's offset
     */
    public void check(Hostile h, List<TestRecord<byte[], byte[]>> dead) throws IOException {
        JsonNode block = block(h.value());
        if (block == null) {
            assertThat(dead).as("one dead letter for %s", h).hasSize(1);
            assertThat(dead.get(0).value()).as(h.kind()).isEqualTo(h.value());
        } else {
            assertThat(dead)
                    .as("one dead letter per element of the block %s", h)
                    .hasSize(block.size());
            for (int j = 0; j < dead.size(); j++) {
                TestRecord<byte[], byte[]> d = dead.get(j);
                assertThat(header(d, "heed.dlq.message"))
                        .as(h.kind())
                        .startsWith("reading " + j + " of the record's array: ");
                assertThat(TREE.readTree(d.value()))
                        .as("element %d of %s", j, h)
                        .isEqualTo(block.get(j));
            }
        }
        for (TestRecord<byte[], byte[]> d : dead) {
            assertThat(header(d, "heed.dlq.reason")).as("%s", h).isIn(h.reasons());
            assertThat(header(d, "heed.dlq.message")).as(h.kind()).isNotBlank();
            assertThat(header(d, "heed.dlq.source.topic")).isEqualTo("heed.sensors");
        }
    }
}
