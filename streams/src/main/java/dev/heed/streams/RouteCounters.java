package dev.heed.streams;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every route a record takes through one application instance: records in, windows,
 * predictions out, utterances, and dead letters by reason. Thread-safe.
 */
public final class RouteCounters {
    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder readingsIn = new LongAdder();
    private final LongAdder windows = new LongAdder();
    private final LongAdder predictions = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder anomalies = new LongAdder();
    private final LongAdder utterances = new LongAdder();
    private final LongAdder audioIn = new LongAdder();
    private final LongAdder transcripts = new LongAdder();
    private final LongAdder threadFailures = new LongAdder();
    private final LongAdder restored = new LongAdder();
    private final LongAdder modelRetries = new LongAdder();
    private final LongAdder seriesExpired = new LongAdder();
    private final LongAdder streamsExpired = new LongAdder();
    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final List<BatchListener> batchListeners = new CopyOnWriteArrayList<>();

    /** Told of every model call, from the stream thread that made it (metrics hook it here). */
    public interface BatchListener {
        void batch(int size, double inferenceMs);
    }

    /** Adds a listener of model calls; it must be quick and must not throw. */
    public void onBatch(BatchListener listener) {
        batchListeners.add(listener);
    }

    public void recordIn() {
        recordsIn.increment();
    }

    /** One reading: a record of one reading object, or one element of a record's array. */
    public void readingIn() {
        readingsIn.increment();
    }

    public void window() {
        windows.increment();
    }

    public void prediction() {
        predictions.increment();
    }

    public void anomaly() {
        anomalies.increment();
    }

    public void batch() {
        batches.increment();
    }

    /** One model call of {@code size} windows that took {@code inferenceMs}. */
    public void batch(int size, double inferenceMs) {
        batches.increment();
        for (BatchListener l : batchListeners) {
            l.batch(size, inferenceMs);
        }
    }

    /** A stream thread died of an exception Heed did not handle (and was replaced or not). */
    public void threadFailure() {
        threadFailures.increment();
    }

    public long threadFailures() {
        return threadFailures.sum();
    }

    /** State records read back from a changelog to rebuild a store. */
    public void restored(long records) {
        restored.add(records);
    }

    public long restored() {
        return restored.sum();
    }

    /** A model call that failed and is tried again after a pause. */
    public void modelRetry() {
        modelRetries.increment();
    }

    public long modelRetries() {
        return modelRetries.sum();
    }

    /** A series forgotten after series.idle.expiry without a reading. */
    public void seriesExpire() {
        seriesExpired.increment();
    }

    public long seriesExpired() {
        return seriesExpired.sum();
    }

    /** An audio stream forgotten after audio.idle.expiry without a chunk. */
    public void streamExpire() {
        streamsExpired.increment();
    }

    public long streamsExpired() {
        return streamsExpired.sum();
    }

    /** One audio chunk read. */
    public void chunkIn() {
        audioIn.increment();
    }

    /** One transcript (partial or final) written. */
    public void transcript() {
        transcripts.increment();
    }

    public long chunksIn() {
        return audioIn.sum();
    }

    public long transcripts() {
        return transcripts.sum();
    }

    /** One finished utterance (a final transcript) of the speech pipeline. */
    public void utterance() {
        utterances.increment();
    }

    public void deadLetter(String reason) {
        deadLetters.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public long recordsIn() {
        return recordsIn.sum();
    }

    /** Readings in: records of one reading, plus every element of records holding an array. */
    public long readingsIn() {
        return readingsIn.sum();
    }

    public long windows() {
        return windows.sum();
    }

    public long predictions() {
        return predictions.sum();
    }

    public long anomalies() {
        return anomalies.sum();
    }

    public long batches() {
        return batches.sum();
    }

    public long utterances() {
        return utterances.sum();
    }

    public long deadLetters() {
        return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Dead letters by reason, sorted by reason. */
    public Map<String, Long> deadLettersByReason() {
        Map<String, Long> out = new TreeMap<>();
        deadLetters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
