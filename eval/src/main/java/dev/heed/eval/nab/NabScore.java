package dev.heed.eval.nab;

import dev.heed.streams.HeedStreamsException;
import java.util.List;

/**
 * A detector's NAB result on one corpus, per profile.
 *
 * @param files number of data files scored
 * @param windows number of windows that count: those with at least one row after the probationary
 *     period
 * @param profiles one result per profile, in the corpus's profile order
 */
public record NabScore(int files, int windows, List<ProfileScore> profiles) {
    public NabScore {
        profiles = List.copyOf(profiles);
    }

    /** The result for {@code name}, e.g. {@link NabProfile#STANDARD}. */
    public ProfileScore profile(String name) {
        return profiles.stream()
                .filter(p -> p.profile().name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new HeedStreamsException(
                                        "no NAB profile "
                                                + name
                                                + " in this score;"
                                                + " it has "
                                                + profiles.stream()
                                                        .map(p -> p.profile().name())
                                                        .toList()));
    }

    /** Whether a profile called {@code name} was scored. */
    public boolean hasProfile(String name) {
        return profiles.stream().anyMatch(p -> p.profile().name().equals(name));
    }

    /**
     * The result for one profile at its optimised threshold.
     *
     * @param threshold rows with anomaly score {@code >= threshold} are detections; above every
     *     score when detecting nothing scores best
     * @param raw the summed raw score over all files at {@code threshold}
     * @param nullScore the null detector's raw score: {@code -fnWeight} per counted window
     * @param perfect the perfect detector's raw score: {@code tpWeight} per counted window
     * @param normalized {@code 100 * (raw - nullScore) / (perfect - nullScore)}; NaN when no window
     *     counts
     * @param truePositives windows with at least one detection
     * @param falsePositives detections outside every window
     * @param falseNegatives counted windows with no detection
     * @param files the per-file parts of {@code raw}, in corpus order
     */
    public record ProfileScore(
            NabProfile profile,
            double threshold,
            double raw,
            double nullScore,
            double perfect,
            double normalized,
            int truePositives,
            int falsePositives,
            int falseNegatives,
            List<FileScore> files) {
        public ProfileScore {
            files = List.copyOf(files);
        }
    }

    /**
     * One file's part of a profile's result.
     *
     * @param file the data file, e.g. {@code realKnownCause/nyc_taxi.csv}
     * @param raw its raw score: its false positives' scores plus each counted window's score
     */
    public record FileScore(
            String file, double raw, int truePositives, int falsePositives, int falseNegatives) {}
}
