package dev.heed.streams.transcription.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One audio stream's state, kept in the changelog-backed {@code heed-audio} store: the feature
 * extractor's and voice activity detector's own state, what its finished utterances left for a
 * model with a stream mean, the feature frames of the open utterance (or the last few, as pre-roll,
 * between utterances), their loudness, and the gaps seen. Frame {@code i} starts {@code i} hops
 * after the stream's first sample.
 */
final class AudioState {
    private static final byte VERSION = 4;

    /** Version 3 had no stream history; it still reads. */
    private static final byte VERSION_3 = 3;

    /** Version 2 had no last-seen time either; it still reads. */
    private static final byte VERSION_2 = 2;

    /**
     * What the stream's finished utterances left for a {@code stream_mean} model ({@link
     * dev.heed.models.speech.StreamMean#toBytes()}); null while there is nothing.
     */
    byte[] history;

    /** Wall-clock time of the stream's last chunk, for idle expiry; 0 when not known. */
    long lastSeenMs;

    long nextSeq = -1;
    byte[] extractor;
    byte[] vad;

    /** The stream's resampler to the model's rate and its input rate; null at the model's rate. */
    byte[] resampler;

    int resampleFrom;
    int utterances;
    boolean open;
    long uttStart;
    long lastPartial;

    /** Feature frames from {@code bufStart}. */
    long bufStart;

    final List<float[]> buf = new ArrayList<>();

    /** RMS per hop of samples, from frame {@code rmsStart}; a partial hop waits in the carry. */
    long rmsStart;

    float[] rms = new float[0];
    float[] carry = new float[0];

    /** Gaps not yet reported: {@code {at_ms, missing_chunks}}. */
    final List<long[]> gaps = new ArrayList<>();

    long bufEnd() {
        return bufStart + buf.size();
    }

    /** The frames {@code [from, to)}, clipped to what is buffered. */
    float[][] frames(long from, long to) {
        int a = (int) Math.max(0, from - bufStart);
        int b = (int) Math.min(buf.size(), to - bufStart);
        return buf.subList(a, Math.max(a, b)).toArray(new float[0][]);
    }

    float[] rms(long from, long to) {
        int a = (int) Math.max(0, Math.min(rms.length, from - rmsStart));
        int b = (int) Math.max(a, Math.min(rms.length, to - rmsStart));
        return Arrays.copyOfRange(rms, a, b);
    }

    /** Forgets frames (and loudness) before {@code frame}. */
    void dropBefore(long frame) {
        int n = (int) Math.min(buf.size(), Math.max(0, frame - bufStart));
        buf.subList(0, n).clear();
        bufStart += n;
        int r = (int) Math.min(rms.length, Math.max(0, frame - rmsStart));
        rms = Arrays.copyOfRange(rms, r, rms.length);
        rmsStart += r;
    }

    /**
     * The state as stored: big-endian, the layout {@code DataOutputStream} wrote in earlier
     * versions (so stores and changelogs written by them still read), in one exact-size array.
     */
    byte[] toBytes() {
        int mels = buf.isEmpty() ? 0 : buf.get(0).length;
        int size =
                1
                        + 8
                        + len(extractor)
                        + len(vad)
                        + len(resampler)
                        + 4
                        + 4
                        + 1
                        + 8
                        + 8
                        + 8
                        + 4
                        + 4
                        + 4 * buf.size() * mels
                        + 8
                        + 4
                        + 4 * rms.length
                        + 4
                        + 4 * carry.length
                        + 4
                        + 16 * gaps.size()
                        + 8
                        + len(history);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION);
        out.putLong(nextSeq);
        putBytes(out, extractor);
        putBytes(out, vad);
        putBytes(out, resampler);
        out.putInt(resampleFrom);
        out.putInt(utterances);
        out.put((byte) (open ? 1 : 0));
        out.putLong(uttStart);
        out.putLong(lastPartial);
        out.putLong(bufStart);
        out.putInt(buf.size());
        out.putInt(mels);
        for (float[] f : buf) {
            putFloats(out, f);
        }
        out.putLong(rmsStart);
        out.putInt(rms.length);
        putFloats(out, rms);
        out.putInt(carry.length);
        putFloats(out, carry);
        out.putInt(gaps.size());
        for (long[] g : gaps) {
            out.putLong(g[0]);
            out.putLong(g[1]);
        }
        putBytes(out, history);
        out.putLong(lastSeenMs); // last: IdleStates reads it from the final 8 bytes
        return out.array();
    }

    static AudioState fromBytes(byte[] b) {
        try {
            ByteBuffer in = ByteBuffer.wrap(b);
            byte version = in.get();
            if (version != VERSION && version != VERSION_3 && version != VERSION_2) {
                throw new IllegalStateException("unknown audio state version " + version);
            }
            AudioState s = new AudioState();
            s.nextSeq = in.getLong();
            s.extractor = getBytes(in);
            s.vad = getBytes(in);
            s.resampler = getBytes(in);
            s.resampleFrom = in.getInt();
            s.utterances = in.getInt();
            s.open = in.get() != 0;
            s.uttStart = in.getLong();
            s.lastPartial = in.getLong();
            s.bufStart = in.getLong();
            int frames = in.getInt();
            int mels = in.getInt();
            for (int i = 0; i < frames; i++) {
                s.buf.add(getFloats(in, mels));
            }
            s.rmsStart = in.getLong();
            s.rms = getFloats(in, in.getInt());
            s.carry = getFloats(in, in.getInt());
            int gaps = in.getInt();
            for (int i = 0; i < gaps; i++) {
                s.gaps.add(new long[] {in.getLong(), in.getLong()});
            }
            s.history = version == VERSION ? getBytes(in) : null;
            s.lastSeenMs = version == VERSION_2 ? 0 : in.getLong();
            return s;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException(
                    "audio state of " + b.length + " bytes is truncated", e);
        }
    }

    private static int len(byte[] b) {
        return 4 + (b == null ? 0 : b.length);
    }

    private static void putBytes(ByteBuffer out, byte[] b) {
        out.putInt(b == null ? -1 : b.length);
        if (b != null) {
            out.put(b);
        }
    }

    private static byte[] getBytes(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static void putFloats(ByteBuffer out, float[] f) {
        out.asFloatBuffer().put(f);
        out.position(out.position() + 4 * f.length);
    }

    private static float[] getFloats(ByteBuffer in, int n) {
        float[] f = new float[n];
        in.asFloatBuffer().get(f);
        in.position(in.position() + 4 * n);
        return f;
    }
}
