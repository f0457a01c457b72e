package dev.heed.streams;

import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.internal.Leases;

/**
 * Where the audio topology gets its speech model; swapped like {@link ModelSource}: each stream
 * task moves to the new model at its next chunk, and the old one is closed when the last task that
 * held it has moved on.
 */
public final class SpeechSource implements AutoCloseable {
    private final Leases<SpeechModel> leases;

    private SpeechSource(SpeechModel model) {
        this.leases = new Leases<>(model);
    }

    public static SpeechSource of(SpeechModel model) {
        return new SpeechSource(model);
    }

    public SpeechModel current() {
        return leases.current();
    }

    public SpeechModel acquire() {
        return leases.acquire();
    }

    public void release(SpeechModel model) {
        leases.release(model);
    }

    /** Serves {@code next} from now on; the previous model is closed once no task holds it. */
    public SpeechModel swap(SpeechModel next) {
        return leases.swap(next);
    }

    public int holders(SpeechModel model) {
        return leases.holders(model);
    }

    @Override
    public void close() {
        leases.closeAll();
    }
}
