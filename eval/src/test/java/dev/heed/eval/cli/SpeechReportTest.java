package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.eval.speech.SpeechEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code heed eval speech --transcripts} writes for each recording and string. */
class SpeechReportTest {

    @Test
    void shouldWriteOneJsonLinePerItemWithItsErrorsByKind(@TempDir Path tmp) throws Exception {
        SpeechEvaluation.Result r =
                new SpeechEvaluation.Result(
                        Map.of("ann", new int[] {0, 1}),
                        6,
                        4,
                        1,
                        2,
                        new long[] {1, 2, 3},
                        List.of(
                                new SpeechEvaluation.Heard(
                                        "isolated",
                                        "3_ann_7.wav",
                                        "ann",
                                        List.of("three"),
                                        "two",
                                        new int[] {1, 0, 0}),
                                new SpeechEvaluation.Heard(
                                        "string",
                                        "0",
                                        "ann",
                                        List.of("one", "two", "three", "four"),
                                        "one five five five",
                                        new int[] {1, 2, 3})));
        Path file = tmp.resolve("t.jsonl");
        SpeechReport.transcripts(file, r);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("kind").asText()).isEqualTo("isolated");
        assertThat(first.path("item").asText()).isEqualTo("3_ann_7.wav");
        assertThat(first.path("reference").asText()).isEqualTo("three");
        assertThat(first.path("heard").asText()).isEqualTo("two");
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.path("speaker").asText()).isEqualTo("ann");
        assertThat(second.path("reference").asText()).isEqualTo("one two three four");
        assertThat(second.path("heard").asText()).isEqualTo("one five five five");
        assertThat(second.path("substituted").asInt()).isEqualTo(1);
        assertThat(second.path("dropped").asInt()).isEqualTo(2);
        assertThat(second.path("inserted").asInt()).isEqualTo(3);
    }
}
