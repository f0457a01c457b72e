package dev.heed.streams;

import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.internal.Leases;

/**
 * Where the audio topology gets its speech model; swapped like {@link ModelSource}: each stream
 * task moves to the new model at its next chunk, and the old one is closed when the last task that
 * held it has moved on. It may carry a second source, {@link #later()}, for the utterances of a
 * stream that has had a final ({@code speech.model.later.dir}), swapped the same way and closed
 * with it.
 */
public final class SpeechSource implements AutoCloseable {
    private final Leases<SpeechModel> leases;
    private volatile SpeechSource later;

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

    /** The source of the model for a stream's later utterances, or null when there is none. */
    public SpeechSource later() {
        return later;
    }

    /**
     * Serves {@code model} as the later utterances' model from now on, in a source of its own that
     * closes with this one.
     *
     * @throws IllegalStateException when this source has a later one already (swap that instead)
     */
    public synchronized SpeechSource attachLater(SpeechModel model) {
        if (later != null) {
            throw new IllegalStateException(
                    "this speech source has a later model already; swap it instead");
        }
        later = new SpeechSource(model);
        return later;
    }

    @Override
    public void close() {
        leases.closeAll();
        SpeechSource l = later;
        if (l != null) {
            l.close();
        }
    }
}
