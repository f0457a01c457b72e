package dev.heed.streams.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one series: its variables, the reorder buffer of readings not yet released,
 * the ring of the last {@code steps} steps, and (time mode) the open resampling slot. Encoded in a
 * compact binary form for the changelog-backed store.
 */
final class SeriesState {
  String[] names;
  long maxSeenTs = Long.MIN_VALUE;
  long lastReleasedTs = Long.MIN_VALUE;
  /** Readings held for reordering, ascending by ts. */
  final List<Held> held = new ArrayList<>();
  /** Ring of steps, oldest at {@code head}. */
  long[] stepTs;
  float[][] stepValues;
  boolean[] stepFilled;
  int size;
  int head;
  long stepsSeen;
  long slotStart = Long.MIN_VALUE;
  double[] slotSum;
  int slotCount;

  record Held(long ts, double[] values) {}

  SeriesState(String[] names, int steps) {
    this.names = names;
    this.stepTs = new long[steps];
    this.stepValues = new float[steps][names.length];
    this.stepFilled = new boolean[steps];
    this.slotSum = new double[names.length];
  }

  /** Appends one step; returns true when it completes a window due for emission. */
  boolean append(long ts, float[] values, boolean filled, int stride) {
    int cap = stepTs.length;
    int slot = (head + size) % cap;
    if (size == cap) {
      slot = head;
      head = (head + 1) % cap;
    } else {
      size++;
    }
    stepTs[slot] = ts;
    stepValues[slot] = values;
    stepFilled[slot] = filled;
    stepsSeen++;
    return stepsSeen >= cap && (stepsSeen - cap) % stride == 0;
  }

  /** Forgets the steps (after a gap too long to fill). */
  void resetSteps() {
    size = 0;
    head = 0;
    stepsSeen = 0;
  }

  WindowSnapshot snapshot(String series, long arrivalNanos) {
    int cap = stepTs.length;
    long[] ts = new long[cap];
    boolean[] filled = new boolean[cap];
    float[][] values = new float[names.length][cap];
    for (int i = 0; i < cap; i++) {
      int s = (head + i) % cap;
      ts[i] = stepTs[s];
      filled[i] = stepFilled[s];
      for (int c = 0; c < names.length; c++) {
        values[c][i] = stepValues[s][c];
      }
    }
    return new WindowSnapshot(series, names, ts, values, filled, arrivalNanos);
  }

  byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + size * (13 + 4 * names.length));
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(1);
      out.writeShort(names.length);
      for (String n : names) {
        out.writeUTF(n);
      }
      out.writeInt(stepTs.length);
      out.writeLong(maxSeenTs);
      out.writeLong(lastReleasedTs);
      out.writeInt(held.size());
      for (Held h : held) {
        out.writeLong(h.ts());
        for (double v : h.values()) {
          out.writeDouble(v);
        }
      }
      out.writeInt(size);
      for (int i = 0; i < size; i++) {
        int s = (head + i) % stepTs.length;
        out.writeLong(stepTs[s]);
        out.writeBoolean(stepFilled[s]);
        for (float v : stepValues[s]) {
          out.writeFloat(v);
        }
      }
      out.writeLong(stepsSeen);
      out.writeLong(slotStart);
      out.writeInt(slotCount);
      for (double v : slotSum) {
        out.writeDouble(v);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a stored state; a different {@code steps} than stored keeps the newest steps. */
  static SeriesState fromBytes(byte[] b, int steps) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      in.readByte();
      String[] names = new String[in.readShort()];
      for (int i = 0; i < names.length; i++) {
        names[i] = in.readUTF();
      }
      in.readInt();
      SeriesState s = new SeriesState(names, steps);
      s.maxSeenTs = in.readLong();
      s.lastReleasedTs = in.readLong();
      int heldCount = in.readInt();
      for (int i = 0; i < heldCount; i++) {
        long ts = in.readLong();
        double[] v = new double[names.length];
        for (int c = 0; c < v.length; c++) {
          v[c] = in.readDouble();
        }
        s.held.add(new Held(ts, v));
      }
      int size = in.readInt();
      for (int i = 0; i < size; i++) {
        long ts = in.readLong();
        boolean filled = in.readBoolean();
        float[] v = new float[names.length];
        for (int c = 0; c < v.length; c++) {
          v[c] = in.readFloat();
        }
        s.append(ts, v, filled, 1);
      }
      s.stepsSeen = in.readLong();
      s.slotStart = in.readLong();
      s.slotCount = in.readInt();
      for (int c = 0; c < names.length; c++) {
        s.slotSum[c] = in.readDouble();
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
