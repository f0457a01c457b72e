package dev.heed.models.training;

import dev.heed.models.HeedModelException;
import java.util.Locale;

/** How {@link ForecastTrainer} initialises the weight matrices before training. */
public enum WeightInit {
    /** DJL's Xavier default: uniform in {@code +-sqrt(6 / ((fan_in + fan_out) / 2))}. */
    XAVIER,
    /**
     * PyTorch's {@code nn.Linear} default, which the PatchTST reference code uses: uniform in
     * {@code +-1 / sqrt(fan_in)}, about 2.4 to 3.3 times narrower than {@link #XAVIER} for the
     * layers of a small patch transformer.
     */
    TORCH;

    /** The name used on the command line, such as {@code torch}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; the error lists the accepted names. */
    public static WeightInit parse(String name) {
        for (WeightInit w : values()) {
            if (name != null && w.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new HeedModelException("weight init must be xavier or torch: '" + name + "'");
    }
}
