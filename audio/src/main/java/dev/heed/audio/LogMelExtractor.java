package dev.heed.audio;

import java.util.Arrays;

/**
 * Incremental log-mel features: pre-emphasis, framing, Hamming window, power spectrum, mel
 * filterbank, natural log (floored at {@link #LOG_FLOOR}).
 *
 * <p>Feed PCM chunks of any length with {@link #accept}; each call returns the frames completed by
 * that chunk (one per {@code hop} samples once a frame is full). Feeding a signal in any chunking
 * yields exactly the frames of {@link #extract} on the whole signal. {@link #saveState()} and
 * {@link #restore} carry the few pending samples across processes (a Kafka state store). Not
 * thread-safe; one extractor per stream.
 */
public final class LogMelExtractor {

    /** Energies below this are clamped before the log, so silence gives {@code log(1e-10)}. */
    public static final float LOG_FLOOR = 1e-10f;

    private final FeatureConfig config;
    private final PowerSpectrum spectrum;
    private final MelFilterbank filterbank;
    private float[] pending; // pre-emphasised samples from the next frame's start
    private float previous; // last raw sample, for pre-emphasis
    private long frames;

    public LogMelExtractor(FeatureConfig config) {
        this.config = config;
        this.spectrum = new PowerSpectrum(config.frameLength(), config.fftSize());
        this.filterbank = MelFilterbank.of(config);
        this.pending = new float[0];
    }

    /** One-shot extraction of a whole signal: {@code (frames, mels)}. */
    public static float[][] extract(FeatureConfig config, float[] samples) {
        return new LogMelExtractor(config).accept(samples);
    }

    /** Restores an extractor from {@link #saveState()} bytes of one with the same configuration. */
    public static LogMelExtractor restore(FeatureConfig config, byte[] state) {
        LogMelExtractor e = new LogMelExtractor(config);
        StateCodec.Reader r = StateCodec.reader(state, "log-mel extractor", config.fingerprint());
        e.previous = r.readFloat();
        e.frames = r.readLong();
        e.pending = r.readFloats();
        r.end();
        return e;
    }

    /** Appends samples; returns the frames they complete, {@code (new frames, mels)}. */
    public float[][] accept(float[] samples) {
        float[] emphasised = PreEmphasis.apply(samples, config.preEmphasis(), previous);
        if (samples.length > 0) {
            previous = samples[samples.length - 1];
        }
        float[] buffer = Arrays.copyOf(pending, pending.length + emphasised.length);
        System.arraycopy(emphasised, 0, buffer, pending.length, emphasised.length);
        int count = Framer.frameCount(buffer.length, config.frameLength(), config.hop());
        float[][] out = new float[count][];
        float[] frame = new float[config.frameLength()];
        for (int i = 0; i < count; i++) {
            System.arraycopy(buffer, i * config.hop(), frame, 0, frame.length);
            out[i] = logMel(frame);
        }
        int consumed = Math.min(count * config.hop(), buffer.length);
        pending = Arrays.copyOfRange(buffer, consumed, buffer.length);
        frames += count;
        return out;
    }

    /** The log-mel energies of one pre-emphasised frame. */
    float[] logMel(float[] frame) {
        float[] mel = filterbank.apply(spectrum.of(frame));
        for (int m = 0; m < mel.length; m++) {
            mel[m] = (float) Math.log(Math.max(mel[m], LOG_FLOOR));
        }
        return mel;
    }

    /** Frames emitted so far; frame {@code i} starts at sample {@code i * hop}. */
    public long framesEmitted() {
        return frames;
    }

    /** The configuration. */
    public FeatureConfig config() {
        return config;
    }

    /** The pending samples and counters, for {@link #restore}. */
    public byte[] saveState() {
        return StateCodec.writer("log-mel extractor", config.fingerprint())
                .writeFloat(previous)
                .writeLong(frames)
                .writeFloats(pending)
                .toBytes();
    }
}
