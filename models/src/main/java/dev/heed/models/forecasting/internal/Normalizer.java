package dev.heed.models.forecasting.internal;

import dev.heed.models.ModelDescriptor.Normalization;
import java.util.List;

/** The global per-variable z-score applied outside the model; identity when there are no stats. */
public final class Normalizer {

    private final float[] mean;
    private final float[] std;

    private Normalizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    public static Normalizer of(Normalization normalization) {
        if (normalization.isEmpty()) {
            return new Normalizer(null, null);
        }
        return new Normalizer(toFloats(normalization.mean()), toFloats(normalization.std()));
    }

    /** Raw value of variable c to model units. */
    public float apply(int c, float value) {
        return mean == null ? value : (value - mean[c]) / std[c];
    }

    /** Model units of variable c back to raw units. */
    public float invert(int c, float value) {
        return mean == null ? value : value * std[c] + mean[c];
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
