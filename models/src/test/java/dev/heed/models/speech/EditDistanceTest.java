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
    void shouldSumToTheDistance() {
        List<String> ref = words("three one four one five nine two six");
        List<String> hyp = words("three four four one one five two two six zero");
        int[] k = EditDistance.kinds(ref, hyp);
        assertThat(k[0] + k[1] + k[2]).isEqualTo(EditDistance.of(ref, hyp));
    }
}
