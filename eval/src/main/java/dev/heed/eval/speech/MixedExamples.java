package dev.heed.eval.speech;

import dev.heed.models.training.SpeechBatch;
import dev.heed.models.training.SpeechExamples;
import java.util.Random;

/** Batches from one of two sources: the second with probability {@code share}, seeded. */
public final class MixedExamples implements SpeechExamples {

    private final SpeechExamples first;
    private final SpeechExamples second;
    private final double share;
    private final Random random;

    public MixedExamples(SpeechExamples first, SpeechExamples second, double share, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
        this.first = first;
        this.second = second;
        this.share = share;
        this.random = new Random(seed);
    }

    @Override
    public SpeechBatch next(int size) {
        return random.nextDouble() < share ? second.next(size) : first.next(size);
    }
}
