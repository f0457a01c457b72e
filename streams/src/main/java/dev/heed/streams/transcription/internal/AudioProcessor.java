package dev.heed.streams.transcription.internal;

import dev.heed.audio.EnergyVad;
import dev.heed.audio.FeatureConfig;
import dev.heed.audio.HeedAudioException;
import dev.heed.audio.LogMelExtractor;
import dev.heed.audio.StreamingResampler;
import dev.heed.audio.VadConfig;
import dev.heed.audio.VadEvent;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.Transcriber;
import dev.heed.models.speech.Transcript;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.internal.DeadLetters;
import dev.heed.streams.internal.IdleStates;
import dev.heed.streams.internal.Reason;
import dev.heed.streams.internal.Rejection;
import dev.heed.streams.internal.StateCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns audio chunks into transcripts, per stream: validates and decodes each chunk, resamples it
 * to the model's rate, extracts log-mel frames and runs the voice activity detector, segments
 * utterances, and emits a partial transcript every {@code partialFrames} of speech and a final one
 * when the speech ends (or the stream does). All of it is kept in the {@code heed-audio} store.
 */
public final class AudioProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private static final int MAX_GAPS = 100;
    private static final int TAIL_FRAMES = 5;

    /** Decoded stream states kept per task (an open utterance's frames: ~16 KB per second). */
    static final int STREAM_CACHE_SIZE = 1_024;

    private final AudioSettings settings;
    private final SpeechSource models;
    private final RouteCounters counters;
    private final FeatureConfig features;
    private final VadConfig vadConfig;
    private SpeechModel model;
    private TranscriptWriter writer;
    private final StateCache<AudioState> cache = new StateCache<>(STREAM_CACHE_SIZE);
    private ProcessorContext<byte[], byte[]> ctx;

    /** When this task (re)started: idle time is counted from here at the earliest. */
    private long startedMs;

    private KeyValueStore<String, byte[]> store;
    private Transcriber transcriber;

    /** Where {@code speech.model.later.dir}'s model comes from; null when it is not set. */
    private final SpeechSource laterModels;

    /** The later model this task holds, for a stream's utterances after its first final. */
    private SpeechModel later;

    private Transcriber laterTranscriber;
    private TranscriptWriter laterWriter;

    /**
     * A processor for the models of {@code models}, whose audio features {@code features} describes
     * (a new model must have the same; the watcher checks).
     */
    public AudioProcessor(
            AudioSettings settings,
            SpeechSource models,
            FeatureConfig features,
            RouteCounters counters) {
        this.settings = settings;
        this.models = models;
        this.laterModels = settings.laterModel() == null ? null : models.later();
        this.counters = counters;
        this.features = features;
        VadConfig d = VadConfig.defaults(features.sampleRate());
        this.vadConfig =
                new VadConfig(
                        d.sampleRate(),
                        d.frameSamples(),
                        settings.vadThresholdDb(),
                        d.minFloorDb(),
                        d.startFrames(),
                        settings.vadEndFrames(),
                        settings.vadLevelDb());
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.ctx = context;
        this.startedMs = context.currentSystemTimeMs();
        cache.clear();
        this.store = context.getStateStore(AudioSettings.STORE);
        serveCurrent();
        if (settings.idleExpiryMs() > 0) {
            context.schedule(
                    Duration.ofMillis(
                            Math.max(1_000, Math.min(60_000, settings.idleExpiryMs() / 2))),
                    PunctuationType.WALL_CLOCK_TIME,
                    this::expireIdle);
        }
    }

    /** Moves to the models the sources serve now, letting the previous ones go. */
    private void serveCurrent() {
        if (model != models.current()) {
            if (model != null) {
                models.release(model);
            }
            model = models.acquire();
            transcriber = model.newTranscriber();
            writer = new TranscriptWriter(model.descriptor(), features.frameSeconds());
        }
        if (laterModels != null && later != laterModels.current()) {
            if (later != null) {
                laterModels.release(later);
            }
            later = laterModels.acquire();
            laterTranscriber = later.newTranscriber();
            laterWriter = new TranscriptWriter(later.descriptor(), features.frameSeconds());
        }
    }

    /**
     * Ends the streams idle for {@code audio.idle.expiry}: an open utterance gets its final
     * transcript, as if the stream had sent {@code heed.end}; then the state is deleted.
     */
    private void expireIdle(long nowMs) {
        if (nowMs - startedMs <= settings.idleExpiryMs()) {
            return; // idle time counts while this task runs: not the time Heed was down
        }
        for (String stream : IdleStates.due(store, nowMs, settings.idleExpiryMs(), 3)) {
            AudioState st = AudioState.fromBytes(store.get(stream));
            if (st.open) {
                emit(stream, st, st.bufEnd(), true, System.nanoTime());
            }
            store.delete(stream);
            cache.remove(stream);
            counters.streamExpire();
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        counters.chunkIn();
        long arrival = System.nanoTime();
        String stream =
                record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        if (stream.isBlank()) {
            deadLetter(
                    record,
                    Reason.MISSING_FIELD,
                    "audio chunk without a key; the record key is the stream id, such as mic-1");
            return;
        }
        try {
            handle(record, stream, arrival);
        } catch (RuntimeException e) {
            cache.remove(stream); // the store has the state as it was before this chunk
            throw e;
        }
    }

    private void handle(Record<byte[], byte[]> record, String stream, long arrival) {
        AudioState st = cache.get(stream);
        boolean known = st != null;
        if (st == null) {
            byte[] stored = store.get(stream);
            known = stored != null;
            st = stored == null ? new AudioState() : AudioState.fromBytes(stored);
        }
        AudioChunk chunk;
        try {
            chunk = AudioChunk.parse(record.headers(), record.value(), settings.maxChunkBytes());
        } catch (Rejection e) {
            deadLetter(record, e.reason(), e.getMessage());
            long seq = AudioChunk.seqOf(record.headers());
            if (!known || seq >= 0 && seq < st.nextSeq) {
                return; // no state for a stream without an accepted chunk: hostile keys cost
                // nothing
            }
            st.nextSeq = seq >= 0 ? seq + 1 : st.nextSeq;
            gap(st, 1);
            save(stream, st);
            return;
        }
        if (chunk.seq() >= 0 && st.nextSeq >= 0) {
            if (chunk.seq() < st.nextSeq) {
                deadLetter(
                        record,
                        Reason.SEQUENCE_REPEAT,
                        "chunk "
                                + chunk.seq()
                                + " of stream "
                                + stream
                                + " comes after chunk "
                                + (st.nextSeq - 1)
                                + "; chunks already processed are not"
                                + " processed again: resend only new chunks, or end the stream (heed.end=true)");
                return;
            }
            if (chunk.seq() > st.nextSeq) {
                gap(st, chunk.seq() - st.nextSeq);
            }
        }
        st.nextSeq = chunk.seq() >= 0 ? chunk.seq() + 1 : st.nextSeq;
        float[] x = resample(st, chunk);
        hear(stream, st, x, arrival);
        if (chunk.end()) {
            if (st.open) {
                emit(stream, st, st.bufEnd(), true, arrival);
            }
            store.delete(stream);
            cache.remove(stream);
        } else {
            save(stream, st);
        }
    }

    private void save(String stream, AudioState st) {
        st.lastSeenMs = ctx.currentSystemTimeMs();
        store.put(stream, st.toBytes());
        cache.put(stream, st);
    }

    /**
     * The chunk at the model's rate. A stream's resampler keeps its history in the state, so chunk
     * boundaries leave no seams; a change of rate mid-stream starts a new one.
     */
    private float[] resample(AudioState st, AudioChunk chunk) {
        int to = features.sampleRate();
        if (chunk.rate() == to) {
            return chunk.samples();
        }
        StreamingResampler r =
                st.resampler != null && st.resampleFrom == chunk.rate()
                        ? StreamingResampler.restore(chunk.rate(), to, st.resampler)
                        : new StreamingResampler(chunk.rate(), to);
        float[] x = r.accept(chunk.samples());
        st.resampler = r.saveState();
        st.resampleFrom = chunk.rate();
        return x;
    }

    /** Features, loudness and voice activity of new samples; utterances open, grow and close. */
    private void hear(String stream, AudioState st, float[] x, long arrival) {
        LogMelExtractor extractor =
                st.extractor == null
                        ? new LogMelExtractor(features)
                        : LogMelExtractor.restore(features, st.extractor);
        EnergyVad vad = restoreVad(st.vad);
        for (float[] frame : extractor.accept(x)) {
            st.buf.add(frame);
        }
        Loudness.append(st, x, features.hop());
        for (VadEvent e : vad.accept(x)) {
            long frame = Math.round(e.seconds() / features.frameSeconds());
            if (e.kind() == VadEvent.Kind.SPEECH_START && !st.open) {
                st.open = true;
                st.utterances++;
                st.uttStart = Math.max(st.bufStart, frame - settings.prerollFrames());
                st.lastPartial = st.uttStart;
            } else if (e.kind() == VadEvent.Kind.SPEECH_END && st.open) {
                emit(stream, st, Math.min(st.bufEnd(), frame + TAIL_FRAMES), true, arrival);
            }
        }
        if (st.open && st.bufEnd() - st.uttStart >= settings.maxUtteranceFrames()) {
            emit(stream, st, st.bufEnd(), true, arrival);
            st.open = true;
            st.utterances++;
            st.uttStart = st.bufEnd();
            st.lastPartial = st.uttStart;
        } else if (st.open && st.bufEnd() - st.lastPartial >= settings.partialFrames()) {
            emit(stream, st, st.bufEnd(), false, arrival);
            st.lastPartial = st.bufEnd();
        }
        if (!st.open) {
            st.dropBefore(st.bufEnd() - settings.prerollFrames());
        }
        st.extractor = extractor.saveState();
        st.vad = vad.saveState();
    }

    /**
     * The stream's detector, or a fresh one when there is none or it was saved under other {@code
     * audio.vad.*} settings (after a restart with new ones): an open utterance then goes on and
     * ends at the next quiet.
     */
    private EnergyVad restoreVad(byte[] saved) {
        if (saved != null) {
            try {
                return EnergyVad.restore(vadConfig, saved);
            } catch (HeedAudioException e) {
                // saved with other settings: detect afresh
            }
        }
        return new EnergyVad(vadConfig);
    }

    private void emit(String stream, AudioState st, long end, boolean fin, long arrival) {
        serveCurrent();
        float[][] frames = st.frames(st.uttStart, end);
        StreamMean history = StreamMean.fromBytes(st.history);
        // a stream that has had a final (its speech mean holds frames) goes to the later model
        boolean byLater = later != null && history.frames() > 0;
        Transcript t = (byLater ? laterTranscriber : transcriber).transcribe(frames, history);
        byte[] json = (byLater ? laterWriter : writer).write(stream, st, end, fin, t, arrival);
        ctx.forward(
                new Record<>(record(stream), json, ctx.currentSystemTimeMs(), new RecordHeaders()),
                AudioSettings.TRANSCRIPTS_SINK);
        counters.transcript();
        if (fin) {
            StreamMean next = transcriber.remember(history, frames);
            st.history = next == history ? st.history : next.toBytes();
            counters.utterance();
            st.open = false;
            st.gaps.clear();
            st.dropBefore(end);
        }
    }

    private void gap(AudioState st, long missing) {
        if (st.gaps.size() < MAX_GAPS) {
            long atMs = Math.round((st.rmsStart + st.rms.length) * features.frameSeconds() * 1000);
            st.gaps.add(new long[] {atMs, missing});
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Reason reason, String message) {
        RecordMetadata m = ctx.recordMetadata().orElse(null);
        DeadLetters.Source source =
                m == null
                        ? new DeadLetters.Source(settings.audioTopic(), -1, -1)
                        : new DeadLetters.Source(m.topic(), m.partition(), m.offset());
        ctx.forward(
                DeadLetters.of(record, reason, message, source, settings.outputMaxBytes()),
                AudioSettings.DLQ_SINK);
        counters.deadLetter(reason.wireName());
    }

    @Override
    public void close() {
        cache.clear();
        if (model != null) {
            models.release(model);
            model = null;
        }
        if (later != null) {
            laterModels.release(later);
            later = null;
        }
    }

    private static byte[] record(String stream) {
        return stream.getBytes(StandardCharsets.UTF_8);
    }
}
