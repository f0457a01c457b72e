package dev.heed.models;

import java.util.Locale;

/** How a model's attention tensors are summarised into one weight per input token. */
public enum AttentionMethod {
    /** Last layer, mean over heads, then the mean attention each token receives. */
    HEAD_MEAN,
    /** Attention rollout across layers (Abnar and Zuidema, 2020), as received by all tokens. */
    ROLLOUT,
    /** Last layer, mean over heads, the row of the forecasting query (the last token). */
    QUERY;

    /** The name used in configuration and output, such as {@code rollout}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; the error lists the accepted names. */
    public static AttentionMethod parse(String name) {
        for (AttentionMethod m : values()) {
            if (m.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new HeedModelException(
                "attention.method must be one of head_mean, rollout, query: '" + name + "'");
    }
}
