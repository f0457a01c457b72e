package dev.heed.streams.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One audio stream's state, kept in the changelog-backed {@code heed-audio} store: the feature
 * extractor's and voice activity detector's own state, the feature frames of the open utterance
 * (or the last few, as pre-roll, between utterances), their loudness, and the gaps seen.
 * Frame {@code i} starts {@code i} hops after the stream's first sample.
 */
final class AudioState {
  private static final byte VERSION = 2;

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

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + buf.size() * 170);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(nextSeq);
      writeBytes(out, extractor);
      writeBytes(out, vad);
      writeBytes(out, resampler);
      out.writeInt(resampleFrom);
      out.writeInt(utterances);
      out.writeBoolean(open);
      out.writeLong(uttStart);
      out.writeLong(lastPartial);
      out.writeLong(bufStart);
      out.writeInt(buf.size());
      out.writeInt(buf.isEmpty() ? 0 : buf.get(0).length);
      for (float[] f : buf) {
        writeFloats(out, f);
      }
      out.writeLong(rmsStart);
      out.writeInt(rms.length);
      writeFloats(out, rms);
      out.writeInt(carry.length);
      writeFloats(out, carry);
      out.writeInt(gaps.size());
      for (long[] g : gaps) {
        out.writeLong(g[0]);
        out.writeLong(g[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static AudioState fromBytes(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown audio state version " + version);
      }
      AudioState s = new AudioState();
      s.nextSeq = in.readLong();
      s.extractor = readBytes(in);
      s.vad = readBytes(in);
      s.resampler = readBytes(in);
      s.resampleFrom = in.readInt();
      s.utterances = in.readInt();
      s.open = in.readBoolean();
      s.uttStart = in.readLong();
      s.lastPartial = in.readLong();
      s.bufStart = in.readLong();
      int frames = in.readInt();
      int mels = in.readInt();
      for (int i = 0; i < frames; i++) {
        s.buf.add(readFloats(in, mels));
      }
      s.rmsStart = in.readLong();
      s.rms = readFloats(in, in.readInt());
      s.carry = readFloats(in, in.readInt());
      int gaps = in.readInt();
      for (int i = 0; i < gaps; i++) {
        s.gaps.add(new long[] {in.readLong(), in.readLong()});
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    return n < 0 ? null : in.readNBytes(n);
  }

  private static void writeFloats(DataOutputStream out, float[] f) throws IOException {
    for (float v : f) {
      out.writeFloat(v);
    }
  }

  private static float[] readFloats(DataInputStream in, int n) throws IOException {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = in.readFloat();
    }
    return f;
  }
}
