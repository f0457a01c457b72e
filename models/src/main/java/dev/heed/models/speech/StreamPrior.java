package dev.heed.models.speech;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link StreamMean} model assumes of a stream before it has heard enough of it: the per-mel
 * speech mean of many training utterances (many voices), weighing as many speech frames as the
 * stream's own history lacks of {@link #frames()}. A stream's first utterance is then normalised by
 * its own mean pulled towards the population's rather than by its own alone (which takes the word's
 * own spectrum out); once the stream has {@link #frames()} speech frames of its own the prior
 * weighs nothing. Never stored in a stream's history.
 *
 * @param frames the speech frames the prior stands for in an empty history; 0: no prior
 * @param mean per-mel speech mean {@code (M)} of the training utterances; empty when none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamPrior(double frames, List<Double> mean) {

    /** No prior: an empty history is the utterance's own mean. */
    public static final StreamPrior NONE = new StreamPrior(0, List.of());

    /** Copies the mean; null is empty. */
    public StreamPrior {
        mean = mean == null ? List.of() : List.copyOf(mean);
    }

    /** Whether the prior weighs anything. */
    public boolean isNone() {
        return frames <= 0 || mean.isEmpty();
    }

    /**
     * The prior of {@code utterances} {@code (T, M)} (as the model prepares them before the mean):
     * the per-mel mean of all their speech frames, weighing {@code frames}.
     */
    public static StreamPrior of(List<float[][]> utterances, double frames) {
        double[] sum = new double[utterances.get(0)[0].length];
        double n = 0;
        for (float[][] u : utterances) {
            n += UtteranceMean.speechSum(u, sum);
        }
        List<Double> mean = new ArrayList<>(sum.length);
        for (double s : sum) {
            mean.add(s / n);
        }
        return new StreamPrior(frames, mean);
    }

    /**
     * Adds the prior's share into {@code sum} {@code (M)} for a history of {@code count} speech
     * frames; returns its weight, {@code frames - count} or 0.
     */
    double addTo(double[] sum, double count) {
        double w = isNone() ? 0 : Math.max(0, frames - count);
        if (w > 0) {
            for (int m = 0; m < sum.length; m++) {
                sum[m] += mean.get(m) * w;
            }
        }
        return w;
    }
}
