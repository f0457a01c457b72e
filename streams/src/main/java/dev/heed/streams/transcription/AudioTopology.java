package dev.heed.streams.transcription;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelLoadException;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.ConfigException;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.transcription.internal.AudioProcessor;
import dev.heed.streams.transcription.internal.AudioSettings;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The audio topology: PCM chunks from {@code topic.audio} (key = stream id) become partial and
 * final transcripts on {@code topic.transcripts}, each token with its attention over the audio;
 * chunks that cannot be used go to {@code topic.dlq} with their reason.
 *
 * <pre>
 * audio-source -> audio-transcriber [heed-audio] -> transcripts-sink
 *                                                -> audio-dlq-sink
 * </pre>
 */
public final class AudioTopology {
    private AudioTopology() {}

    /**
     * Adds the audio topology on one speech model to {@code t} (the caller closes the model; a
     * {@code speech.model.later.dir} model is loaded and never closed: use the other form, whose
     * source closes it, where that matters).
     */
    public static Topology addTo(
            Topology t, HeedConfig config, SpeechModel model, RouteCounters counters) {
        return addTo(t, config, SpeechSource.of(model), counters);
    }

    /**
     * Adds the audio topology to {@code t} (the sensor topology's, when both run), on the model
     * that {@code models} serves at each chunk.
     */
    public static Topology addTo(
            Topology t, HeedConfig config, SpeechSource models, RouteCounters counters) {
        SpeechModel model = models.current();
        AudioSettings s = settings(config);
        t.addSource(
                AudioSettings.SOURCE,
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer(),
                s.audioTopic());
        FeatureConfig features = SpeechFeatures.of(model.descriptor());
        checkStateFits(config, s, features);
        serveLater(s, models, features);
        t.addProcessor(
                AudioSettings.PROCESSOR,
                () -> new AudioProcessor(s, models, features, counters),
                AudioSettings.SOURCE);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(AudioSettings.STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withCachingEnabled(),
                AudioSettings.PROCESSOR);
        t.addSink(
                AudioSettings.TRANSCRIPTS_SINK,
                s.transcriptsTopic(),
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(),
                AudioSettings.PROCESSOR);
        t.addSink(
                AudioSettings.DLQ_SINK,
                s.dlqTopic(),
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(),
                AudioSettings.PROCESSOR);
        return t;
    }

    /** The topics the audio topology reads and writes. */
    public static List<String> topics(HeedConfig config) {
        return List.of(
                config.getString(HeedKeys.TOPIC_AUDIO),
                config.getString(HeedKeys.TOPIC_TRANSCRIPTS),
                config.getString(HeedKeys.TOPIC_DLQ));
    }

    static AudioSettings settings(HeedConfig config) {
        double frameMs = 10;
        return new AudioSettings(
                config.getString(HeedKeys.TOPIC_AUDIO),
                config.getString(HeedKeys.TOPIC_TRANSCRIPTS),
                config.getString(HeedKeys.TOPIC_DLQ),
                config.getPositiveInt(HeedKeys.AUDIO_MAX_CHUNK_BYTES),
                config.outputMaxBytes(),
                config.getDuration(HeedKeys.AUDIO_IDLE_EXPIRY).toMillis(),
                frames(config, HeedKeys.AUDIO_PARTIAL_INTERVAL, frameMs),
                frames(config, HeedKeys.AUDIO_PREROLL, frameMs),
                frames(config, HeedKeys.AUDIO_MAX_UTTERANCE, frameMs),
                frames(config, HeedKeys.AUDIO_VAD_HANGOVER, frameMs),
                threshold(config),
                (float) config.getDouble(HeedKeys.AUDIO_VAD_LEVEL_DB, 0, 60),
                config.get(HeedKeys.SPEECH_MODEL_LATER_DIR).map(Path::of).orElse(null),
                config.getString(HeedKeys.DEVICE));
    }

    /**
     * Loads {@code speech.model.later.dir}'s model into {@code models}'s later source (once: a
     * source that has one keeps it, and its watcher swaps it), after checking that it hears the
     * same features as the stream's model (its frames are the stream's); refused with what differs
     * otherwise, and when the stream's model keeps no stream mean (which is how a stream's first
     * final is known).
     */
    private static void serveLater(AudioSettings s, SpeechSource models, FeatureConfig features) {
        if (s.laterModel() == null) {
            return;
        }
        SpeechModel model = models.current();
        if (!model.descriptor().streamMean()) {
            throw new ConfigException(
                    HeedKeys.SPEECH_MODEL_LATER_DIR
                            + " needs a stream's model that keeps the stream's speech mean (trained"
                            + " with heed train speech --stream-mean N), which is how a stream's"
                            + " later utterances are known; "
                            + model.descriptor().name()
                            + " does not: leave the setting empty or use such a model");
        }
        if (models.later() != null) {
            checkFeatures(s, models.later().current(), features);
            return;
        }
        SpeechModel later;
        try {
            later = SpeechModel.load(s.laterModel(), DeviceChoice.parse(s.device()));
        } catch (ModelLoadException e) {
            throw new ConfigException(
                    HeedKeys.SPEECH_MODEL_LATER_DIR
                            + ": no speech model could be loaded from "
                            + s.laterModel()
                            + " ("
                            + e.getMessage()
                            + "); name a directory written by heed train speech, or leave it empty");
        }
        try {
            checkFeatures(s, later, features);
        } catch (ConfigException e) {
            later.close();
            throw e;
        }
        models.attachLater(later);
    }

    private static void checkFeatures(AudioSettings s, SpeechModel later, FeatureConfig features) {
        FeatureConfig f = SpeechFeatures.of(later.descriptor());
        if (!f.equals(features)) {
            throw new ConfigException(
                    HeedKeys.SPEECH_MODEL_LATER_DIR
                            + ": the model at "
                            + s.laterModel()
                            + " hears other features ("
                            + f
                            + ") than the stream's model ("
                            + features
                            + "); train it with the same features or leave the setting empty");
        }
    }

    private static float threshold(HeedConfig config) {
        double db = config.getDouble(HeedKeys.AUDIO_VAD_THRESHOLD_DB, 0, 60);
        if (db == 0) {
            throw new ConfigException(
                    HeedKeys.AUDIO_VAD_THRESHOLD_DB
                            + " must be above 0 dB (default"
                            + " 6; higher ignores more background noise): "
                            + db);
        }
        return (float) db;
    }

    /**
     * A stream's state holds the open utterance's feature frames and their loudness, written whole
     * to the store's changelog with every chunk: {@code audio.max.utterance} must keep that record
     * under {@code output.max.bytes}.
     */
    private static void checkStateFits(HeedConfig config, AudioSettings s, FeatureConfig f) {
        long perFrame = 4L * f.mels() + 4;
        long frames = (long) s.maxUtteranceFrames() + s.prerollFrames() + s.vadEndFrames() + 100;
        long bytes = frames * perFrame + STATE_OVERHEAD;
        if (bytes > s.outputMaxBytes()) {
            long maxMs =
                    (s.outputMaxBytes() - STATE_OVERHEAD) / perFrame * 10
                            - 10L * (s.prerollFrames() + s.vadEndFrames() + 100);
            throw new ConfigException(
                    HeedKeys.AUDIO_MAX_UTTERANCE
                            + "="
                            + config.getString(HeedKeys.AUDIO_MAX_UTTERANCE)
                            + " keeps up to "
                            + frames
                            + " frames of "
                            + f.mels()
                            + " mels in a stream's state, about "
                            + bytes
                            + " bytes, over output.max.bytes="
                            + s.outputMaxBytes()
                            + "; at most "
                            + maxMs
                            + "ms fits (or raise output.max.bytes with the producer's"
                            + " max.request.size and the topics' max.message.bytes)");
        }
    }

    /** The extractor's, detector's and resampler's own state and the fixed fields, at most. */
    private static final int STATE_OVERHEAD = 16_384;

    private static int frames(HeedConfig config, String key, double frameMs) {
        long ms = config.getDuration(key).toMillis();
        if (ms <= 0 || ms > 600_000) {
            throw new ConfigException(
                    key + " must be between 10ms and 10m: " + config.getString(key));
        }
        return (int) Math.max(1, Math.round(ms / frameMs));
    }

    /**
     * The headers of chunk {@code seq} of a mono 16-bit PCM stream at {@code rate}, as producers
     * put them on {@code topic.audio}; {@code end} marks the stream's last chunk.
     */
    public static RecordHeaders chunkHeaders(int rate, long seq, boolean end) {
        RecordHeaders h = new RecordHeaders();
        h.add("heed.sample.rate", utf8(Integer.toString(rate)));
        h.add("heed.encoding", utf8("pcm_s16le"));
        h.add("heed.channels", utf8("1"));
        h.add("heed.seq", utf8(Long.toString(seq)));
        if (end) {
            h.add("heed.end", utf8("true"));
        }
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
