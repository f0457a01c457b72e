package dev.heed.models.speech;

import java.util.List;

/** Levenshtein distance between token sequences, for word and token error rates. */
public final class EditDistance {

    private EditDistance() {}

    /** Substitutions + insertions + deletions turning {@code reference} into {@code hypothesis}. */
    public static int of(List<?> reference, List<?> hypothesis) {
        int[] k = kinds(reference, hypothesis);
        return k[0] + k[1] + k[2];
    }

    /**
     * One cheapest alignment's edits turning {@code reference} into {@code hypothesis}: {@code
     * {substitutions, deletions, insertions}}, summing to {@link #of(List, List)}. Of equally cheap
     * alignments, the one that substitutes first, then deletes.
     */
    public static int[] kinds(List<?> reference, List<?> hypothesis) {
        int n = reference.size();
        int k = hypothesis.size();
        int[][] d = new int[n + 1][k + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= k; j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                } else {
                    int same = reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1;
                    d[i][j] =
                            Math.min(
                                    Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1),
                                    d[i - 1][j - 1] + same);
                }
            }
        }
        int[] out = new int[3];
        int i = n;
        int j = k;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0) {
                int same = reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1;
                if (d[i][j] == d[i - 1][j - 1] + same) {
                    out[0] += same;
                    i--;
                    j--;
                    continue;
                }
            }
            if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                out[1]++;
                i--;
            } else {
                out[2]++;
                j--;
            }
        }
        return out;
    }

    /** {@link #of(List, List)} for an int reference. */
    public static int of(int[] reference, List<Integer> hypothesis) {
        return of(java.util.Arrays.stream(reference).boxed().toList(), hypothesis);
    }
}
