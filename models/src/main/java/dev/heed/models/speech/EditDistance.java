package dev.heed.models.speech;

import java.util.List;

/** Levenshtein distance between token sequences, for word and token error rates. */
public final class EditDistance {

    private EditDistance() {}

    /** Substitutions + insertions + deletions turning {@code reference} into {@code hypothesis}. */
    public static int of(List<?> reference, List<?> hypothesis) {
        int[] prev = new int[hypothesis.size() + 1];
        int[] cur = new int[prev.length];
        for (int j = 0; j < prev.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            cur[0] = i;
            for (int j = 1; j < prev.length; j++) {
                int same = reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[hypothesis.size()];
    }

    /** {@link #of(List, List)} for an int reference. */
    public static int of(int[] reference, List<Integer> hypothesis) {
        return of(java.util.Arrays.stream(reference).boxed().toList(), hypothesis);
    }
}
