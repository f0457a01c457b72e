package dev.heed.models;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * How a forecast's per-step weights are made: a summary of the model's attention tensors, or an
 * explanation from its gradients (Heed's own {@code djl}-format models only).
 */
public enum AttentionMethod {
    /** Last layer, mean over heads, then the mean attention each token receives. */
    HEAD_MEAN,
    /** Attention rollout across layers (Abnar and Zuidema, 2020), as received by all tokens. */
    ROLLOUT,
    /** Last layer, mean over heads, the row of the forecasting query (the last token). */
    QUERY,
    /**
     * Attention-aware relevance propagation (AttnLRP, Achtibat et al., 2024): gradient times input
     * with relevance-conserving rules for LayerNorm, GELU, softmax and the attention products, one
     * backward pass, carried to steps through the patch embedding.
     */
    RELEVANCE,
    /** Plain gradient times input (Shrikumar et al., 2016), one backward pass. */
    GRADIENT_X_INPUT,
    /**
     * Integrated gradients (Sundararajan et al., 2017) from the window's mean, a slower reference.
     */
    INTEGRATED_GRADIENTS;

    /** The name used in configuration and output, such as {@code rollout}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the weights come from the network's gradients rather than its attention tensors. */
    public boolean needsGradients() {
        return this == RELEVANCE || this == GRADIENT_X_INPUT || this == INTEGRATED_GRADIENTS;
    }

    /**
     * The attention summaries, which every engine gives: {@code head_mean}, {@code rollout}, {@code
     * query}.
     */
    public static List<AttentionMethod> summaries() {
        return List.of(HEAD_MEAN, ROLLOUT, QUERY);
    }

    /** Parses a wire name; the error lists the accepted names. */
    public static AttentionMethod parse(String name) {
        StringJoiner names = new StringJoiner(", ");
        for (AttentionMethod m : values()) {
            if (m.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
            names.add(m.wireName());
        }
        throw new HeedModelException(
                "attention.method must be one of " + names + ": '" + name + "'");
    }
}
