package dev.heed.streams.sensors.internal;

import dev.heed.streams.RouteCounters;
import dev.heed.streams.internal.DeadLetters;
import dev.heed.streams.internal.IdleStates;
import dev.heed.streams.internal.Reason;
import dev.heed.streams.internal.Rejection;
import dev.heed.streams.internal.StateCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Parses readings, keeps each series' window state, hands full windows to the stream thread's
 * batcher and forwards predictions and dead letters. A full window is kept in the pending store
 * until its prediction is forwarded, so a crash between the two loses nothing: the restored pending
 * windows are run again.
 *
 * <p>Predictions, anomalies and model-error dead letters carry the wall-clock time they are made as
 * their record timestamp, not the window's event time (that is in the value, {@code
 * window.end_ms}): brokers delete records by their timestamp ({@code retention.ms}, 7 days by
 * default) and may refuse old ones ({@code log.message.timestamp.before.max.ms}), so outputs
 * stamped with the event time of replayed history would vanish at the next retention check.
 */
public final class SensorProcessor
        implements Processor<byte[], byte[], byte[], byte[]>, ThreadBatcher.Owner {
    /** Decoded series states kept per task (about 1-3 KB each for a univariate 64-step window). */
    static final int SERIES_CACHE_SIZE = 4_096;

    private final SensorSettings settings;
    private final Batching batching;
    private final RouteCounters counters;
    private final ReadingParser parser;
    private final Windower windower;
    private final PredictionWriter writer;
    private final AnomalyWriter anomalyWriter;
    private final ArrayDeque<Prediction> outbox = new ArrayDeque<>();
    private final StateCache<SeriesState> cache = new StateCache<>(SERIES_CACHE_SIZE);

    /** The series states the record being processed changed, stored once at its end. */
    private final Map<String, SeriesState> changed = new LinkedHashMap<>();

    private ProcessorContext<byte[], byte[]> ctx;

    /** When this task (re)started: idle time is counted from here at the earliest. */
    private long startedMs;

    private KeyValueStore<String, byte[]> seriesStore;
    private KeyValueStore<String, byte[]> pendingStore;
    private AnomalyScoring scoring;
    private ThreadBatcher batcher;

    public SensorProcessor(SensorSettings settings, Batching batching, RouteCounters counters) {
        this.settings = settings;
        this.batching = batching;
        this.counters = counters;
        this.parser = new ReadingParser(settings.maxBytes(), settings.maxFutureMs());
        this.windower =
                new Windower(
                        settings.steps(),
                        settings.stride(),
                        settings.intervalMs(),
                        settings.maxFill(),
                        settings.graceMs(),
                        settings.maxHeld());
        this.writer = new PredictionWriter(settings.method(), settings.topK());
        this.anomalyWriter =
                new AnomalyWriter(
                        settings.method(), settings.topK(), settings.anomaly().threshold());
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.ctx = context;
        this.startedMs = context.currentSystemTimeMs();
        cache.clear();
        this.seriesStore = context.getStateStore(SensorSettings.SERIES_STORE);
        this.pendingStore = context.getStateStore(SensorSettings.PENDING_STORE);
        this.scoring =
                new AnomalyScoring(
                        settings.anomaly(),
                        context.getStateStore(SensorSettings.ANOMALY_STORE),
                        context.getStateStore(SensorSettings.NOVELTY_STORE),
                        settings.topK());
        this.batcher = batching.acquire();
        long tick = Math.max(1, batching.maxWaitMs() / 2);
        context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, t -> tick());
        if (settings.idleExpiryMs() > 0) {
            context.schedule(
                    Duration.ofMillis(IdleStates.scanEveryMs(settings.idleExpiryMs())),
                    PunctuationType.WALL_CLOCK_TIME,
                    this::expireIdle);
        }
        List<WindowSnapshot> recovered = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pendingStore.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                WindowSnapshot w = WindowSnapshot.fromBytes(kv.value);
                recovered.add(
                        new WindowSnapshot(
                                w.series(),
                                w.names(),
                                w.ts(),
                                w.values(),
                                w.filled(),
                                System.nanoTime()));
            }
        }
        recovered.forEach(w -> batcher.submit(this, w, context.currentSystemTimeMs()));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            processRecord(record);
        } catch (RuntimeException e) {
            // Kafka Streams' handler dead-letters the record; the stores hold the series as they
            // were before it, so the cache must not keep what this record half did
            cache.clear();
            scoring.clearCache();
            changed.clear();
            throw e;
        }
    }

    private void processRecord(Record<byte[], byte[]> record) {
        counters.recordIn();
        long now = System.nanoTime();
        List<ReadingParser.Item> items;
        try {
            items = parser.parseRecord(record.key(), record.value(), System.currentTimeMillis());
        } catch (Rejection e) {
            counters.readingIn();
            deadLetter(record, e.reason(), e.getMessage());
            drain();
            return;
        }
        List<Refused> refused = new ArrayList<>();
        for (ReadingParser.Item item : items) {
            counters.readingIn();
            Record<byte[], byte[]> source =
                    item.bytes() == null ? record : record.withValue(item.bytes());
            if (item.rejection() != null) {
                refused.add(
                        new Refused(
                                source, item.rejection().reason(), item.rejection().getMessage()));
                continue;
            }
            try {
                accept(item.reading(), now);
            } catch (Rejection e) {
                refused.add(
                        new Refused(
                                source,
                                e.reason(),
                                ReadingParser.inBlock(item.index(), e.getMessage())));
            }
        }
        if (refused.size() <= settings.maxDeadLetters()) {
            refused.forEach(r -> deadLetter(r.record(), r.reason(), r.message()));
        } else {
            deadLetterWhole(record, items.size(), refused);
        }
        // once per series and record, not per reading: a block's readings change one state 8 times
        changed.forEach((series, state) -> seriesStore.put(series, state.toBytes()));
        changed.clear();
        drain();
    }

    /** A reading refused, before it is dead-lettered. */
    private record Refused(Record<byte[], byte[]> record, Reason reason, String message) {}

    /**
     * One dead letter for a block with more bad readings than {@code input.max.dead.letters}: the
     * record whole, with the count per reason and the first refusal; its good readings were used.
     */
    private void deadLetterWhole(Record<byte[], byte[]> record, int readings, List<Refused> bad) {
        Map<String, Integer> byReason = new TreeMap<>();
        for (Refused r : bad) {
            byReason.merge(r.reason().wireName(), 1, Integer::sum);
        }
        deadLetter(
                record,
                Reason.TOO_MANY_BAD_READINGS,
                bad.size()
                        + " of the "
                        + readings
                        + " readings of the record's array were refused "
                        + byReason
                        + ", more than input.max.dead.letters="
                        + settings.maxDeadLetters()
                        + ", so the record is dead-lettered once, whole; its good readings were"
                        + " used. First: "
                        + bad.get(0).message());
    }

    private void accept(Reading r, long now) throws Rejection {
        SeriesState state = cache.get(r.series());
        if (state == null) {
            byte[] stored = seriesStore.get(r.series());
            state = stored == null ? null : SeriesState.fromBytes(stored, settings.steps());
        }
        String[] expected = state != null ? state.names : settings.variables();
        double[] values = VariableCheck.align(expected, r);
        if (state == null) {
            String[] names = expected != null ? expected : r.names();
            checkFits(r.series(), names);
            state = new SeriesState(names, settings.steps());
        }
        Reading aligned = new Reading(r.series(), r.ts(), state.names, values);
        state.lastSeenMs = ctx.currentSystemTimeMs();
        List<WindowSnapshot> windows = windower.accept(state, aligned, now);
        changed.put(r.series(), state);
        cache.put(r.series(), state);
        for (WindowSnapshot w : windows) {
            counters.window();
            pendingStore.put(w.key(), w.toBytes());
            batcher.submit(this, w, ctx.currentSystemTimeMs());
        }
    }

    /** Refuses a new series whose records could not be written under output.max.bytes. */
    private void checkFits(String series, String[] names) throws Rejection {
        long bytes =
                OutputSize.worstCase(
                        series, names, settings.steps(), settings.horizon(), settings.topK());
        if (bytes > settings.outputMaxBytes()) {
            throw new Rejection(
                    Reason.TOO_MANY_VARIABLES,
                    "series '"
                            + Rejection.clip(series)
                            + "' has "
                            + names.length
                            + " variables; its predictions could take "
                            + bytes
                            + " bytes, over output.max.bytes="
                            + settings.outputMaxBytes()
                            + "; send fewer variables per series (split it into several series)"
                            + " or raise output.max.bytes with the producer's max.request.size");
        }
    }

    /**
     * Forgets the series idle for {@code series.idle.expiry}: their held readings are released
     * first (the windows they complete are predicted), then their states are deleted.
     */
    private void expireIdle(long nowMs) {
        if (nowMs - startedMs <= settings.idleExpiryMs()) {
            return; // idle time counts while this task runs: not the time Heed was down
        }
        for (String series : IdleStates.due(seriesStore, nowMs, settings.idleExpiryMs(), 2)) {
            SeriesState state = SeriesState.fromBytes(seriesStore.get(series), settings.steps());
            for (WindowSnapshot w : windower.releaseAll(state, series, System.nanoTime())) {
                counters.window();
                pendingStore.put(w.key(), w.toBytes());
                batcher.submit(this, w, nowMs);
            }
            seriesStore.delete(series);
            scoring.delete(series);
            cache.remove(series);
            counters.seriesExpire();
        }
        drain();
    }

    private void tick() {
        batcher.flushIfDue(ctx.currentSystemTimeMs());
        drain();
    }

    @Override
    public void deliver(Prediction p) {
        outbox.add(p);
    }

    private void drain() {
        Prediction p;
        while ((p = outbox.poll()) != null) {
            long madeMs = ctx.currentSystemTimeMs();
            WindowSnapshot w = p.window();
            byte[] key = w.series().getBytes(StandardCharsets.UTF_8);
            if (p.error() == null) {
                Anomaly a = scoring.score(p);
                byte[] json = writer.write(p, a, System.nanoTime());
                if (fits(json, key, w, madeMs, "prediction")) {
                    ctx.forward(
                            new Record<>(key, json, madeMs, new RecordHeaders()),
                            SensorSettings.PREDICTIONS_SINK);
                    counters.prediction();
                }
                byte[] alarm =
                        a.flagged(settings.anomaly().threshold())
                                ? anomalyWriter.write(p, a)
                                : null;
                if (alarm != null && fits(alarm, key, w, madeMs, "anomaly")) {
                    ctx.forward(
                            new Record<>(key, alarm, madeMs, new RecordHeaders()),
                            SensorSettings.ANOMALIES_SINK);
                    counters.anomaly();
                }
            } else {
                deadLetter(
                        new Record<>(key, WindowJson.write(w), madeMs),
                        Reason.MODEL_ERROR,
                        "model rejected the window ending " + w.end() + ": " + p.error(),
                        new DeadLetters.Source(
                                settings.sensorsTopic(), ctx.taskId().partition(), -1));
            }
            pendingStore.delete(w.key());
        }
    }

    /**
     * Whether a record Heed made fits under output.max.bytes; when not (the check at a series'
     * first reading should make that impossible), its window goes to the dead letters instead.
     */
    private boolean fits(byte[] json, byte[] key, WindowSnapshot w, long madeMs, String what) {
        if (json.length + key.length + 512 <= settings.outputMaxBytes()) {
            return true;
        }
        deadLetter(
                new Record<>(key, WindowJson.write(w), madeMs),
                Reason.OUTPUT_TOO_LARGE,
                "the "
                        + what
                        + " for the window ending "
                        + w.end()
                        + " took "
                        + json.length
                        + " bytes, over output.max.bytes="
                        + settings.outputMaxBytes()
                        + "; send fewer variables per series or raise output.max.bytes",
                new DeadLetters.Source(settings.sensorsTopic(), ctx.taskId().partition(), -1));
        return false;
    }

    private void deadLetter(Record<byte[], byte[]> record, Reason reason, String message) {
        RecordMetadata m = ctx.recordMetadata().orElse(null);
        deadLetter(
                record,
                reason,
                message,
                m == null
                        ? new DeadLetters.Source(settings.sensorsTopic(), -1, -1)
                        : new DeadLetters.Source(m.topic(), m.partition(), m.offset()));
    }

    private void deadLetter(
            Record<byte[], byte[]> record,
            Reason reason,
            String message,
            DeadLetters.Source source) {
        ctx.forward(
                DeadLetters.of(record, reason, message, source, settings.outputMaxBytes()),
                SensorSettings.DLQ_SINK);
        counters.deadLetter(reason.wireName());
    }

    @Override
    public void close() {
        cache.clear();
        if (scoring != null) {
            scoring.clearCache();
        }
        if (batcher != null) {
            batching.release(batcher, this);
            batcher = null;
        }
    }
}
