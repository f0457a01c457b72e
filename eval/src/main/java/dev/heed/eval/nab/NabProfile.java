package dev.heed.eval.nab;

import dev.heed.streams.HeedStreamsException;

/**
 * One NAB application profile: the weights of its cost matrix. NAB's scoring uses {@code tpWeight},
 * {@code fpWeight} and {@code fnWeight}; {@code tnWeight} is read and kept but, as in NAB, unused.
 *
 * @param name the profile's key in {@code profiles.json}, e.g. {@link #STANDARD}
 * @param tpWeight reward for detecting a window at its first row
 * @param fpWeight weight of the penalty of a detection outside every window
 * @param fnWeight penalty for a window with no detection
 * @param tnWeight the cost matrix's {@code tnWeight}, {@code 0} when absent
 */
public record NabProfile(
        String name, double tpWeight, double fpWeight, double fnWeight, double tnWeight) {
    /** NAB's standard profile. */
    public static final String STANDARD = "standard";

    /** NAB's profile that penalises false positives more. */
    public static final String LOW_FP = "reward_low_FP_rate";

    /** NAB's profile that penalises false negatives more. */
    public static final String LOW_FN = "reward_low_FN_rate";

    /** NAB v1.1's {@code config/profiles.json}, used when a folder has none. */
    public static final java.util.List<NabProfile> PUBLISHED =
            java.util.List.of(
                    new NabProfile(STANDARD, 1.0, 0.11, 1.0, 1.0),
                    new NabProfile(LOW_FP, 1.0, 0.22, 1.0, 1.0),
                    new NabProfile(LOW_FN, 1.0, 0.11, 2.0, 1.0));

    /** Validates the weights: each finite and {@code >= 0}. */
    public NabProfile {
        if (name == null || name.isBlank()) {
            throw new HeedStreamsException("NAB profile name must not be blank: '" + name + "'");
        }
        check(name, "tpWeight", tpWeight);
        check(name, "fpWeight", fpWeight);
        check(name, "fnWeight", fnWeight);
        check(name, "tnWeight", tnWeight);
    }

    private static void check(String profile, String key, double w) {
        if (!Double.isFinite(w) || w < 0) {
            throw new HeedStreamsException(
                    "NAB profile "
                            + profile
                            + ": "
                            + key
                            + " must be a finite number >= 0: "
                            + w
                            + "; fix its CostMatrix in profiles.json");
        }
    }
}
