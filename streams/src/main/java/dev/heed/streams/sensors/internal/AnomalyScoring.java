package dev.heed.streams.sensors.internal;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scores one task's predictions for anomalies: the detector with each series' state from {@code
 * heed-anomaly} and its novelty memories from {@code heed-novelty}, written back after each window.
 */
final class AnomalyScoring {
    private final AnomalyDetector detector;
    private final KeyValueStore<String, byte[]> anomalyStore;
    private final NoveltyStore noveltyStore;
    private final int topK;

    AnomalyScoring(
            AnomalySettings settings,
            KeyValueStore<String, byte[]> anomalyStore,
            KeyValueStore<String, byte[]> noveltyStore,
            int topK) {
        this.detector = new AnomalyDetector(settings);
        this.anomalyStore = anomalyStore;
        this.noveltyStore = new NoveltyStore(noveltyStore, settings.novelty());
        this.topK = topK;
    }

    /** Scores {@code p}'s window against its series' state and keeps what it learnt. */
    Anomaly score(Prediction p) {
        WindowSnapshot w = p.window();
        byte[] stored = anomalyStore.get(w.series());
        AnomalyState st =
                stored != null
                        ? AnomalyState.fromBytes(stored)
                        : detector.newState(w.names().length);
        float[] embedding = p.forecast().embedding();
        noveltyStore.attachTo(
                st, w.series(), stored != null, embedding == null ? 0 : embedding.length);
        Anomaly a = detector.update(st, w, p.forecast().prediction(), p.forecast(), topK);
        anomalyStore.put(w.series(), st.toBytes());
        noveltyStore.save(st, w.series());
        return a;
    }

    /** Forgets an expired series. */
    void delete(String series) {
        anomalyStore.delete(series);
        noveltyStore.delete(series);
    }

    /** Forgets the decoded memories (the stores stay the source of truth). */
    void clearCache() {
        noveltyStore.clearCache();
    }
}
