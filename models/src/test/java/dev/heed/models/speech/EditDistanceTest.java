package dev.heed.models.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Word edits counted, and told apart as substitutions, deletions and insertions. */
class EditDistanceTest {

    private static List<String> words(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    @Test
    void shouldTellSubstitutionsDeletionsAndInsertionsApart() {
        assertThat(EditDistance.kinds(words("one two three"), words("one two three")))
                .containsExactly(0, 0, 0);
        assertThat(EditDistance.kinds(words("one two three"), words("one five three")))
                .containsExactly(1, 0, 0);
        assertThat(EditDistance.kinds(words("one one two"), words("one two")))
                .containsExactly(0, 1, 0);
        assertThat(EditDistance.kinds(words("one two"), words("one two two")))
                .containsExactly(0, 0, 1);
        assertThat(EditDistance.kinds(words("four five"), words(""))).containsExactly(0, 2, 0);
        assertThat(EditDistance.kinds(words(""), words("nine"))).containsExactly(0, 0, 1);
        assertThat(EditDistance.kinds(words("six seven eight nine"), words("seven eight eight")))
                .containsExactly(1, 1, 0);
    }

    @Test
    void shouldBeTheLevenshteinDistance() {
        // the classic example: kitten -> sitting is 3 edits (k->s, e->i, +g)
        assertThat(EditDistance.of(chars("kitten"), chars("sitting"))).isEqualTo(3);
        assertThat(EditDistance.kinds(chars("kitten"), chars("sitting"))).containsExactly(2, 0, 1);
        assertThat(EditDistance.of(chars("flaw"), chars("lawn"))).isEqualTo(2);
        assertThat(EditDistance.of(chars(""), chars("abc"))).isEqualTo(3);
        assertThat(EditDistance.of(new int[] {1, 2, 3}, List.of(1, 3))).isEqualTo(1);
    }

    private static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
    }
}
