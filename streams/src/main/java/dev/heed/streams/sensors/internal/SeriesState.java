package dev.heed.streams.sensors.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one series: its variables, the reorder buffer of readings not yet released,
 * the ring of the last {@code steps} steps, and (time mode) the open resampling slot. Encoded in a
 * compact binary form for the changelog-backed store.
 */
public final class SeriesState {
    String[] names;
    long maxSeenTs = Long.MIN_VALUE;
    long lastReleasedTs = Long.MIN_VALUE;

    /** Readings held for reordering, ascending by ts. */
    final List<Held> held = new ArrayList<>();

    /** Ring of steps, oldest at {@code head}. */
    long[] stepTs;

    /** Step values, {@code names.length} per ring slot, flat (one array, not one per step). */
    float[] stepValues;

    boolean[] stepFilled;
    int size;
    int head;
    long stepsSeen;
    long slotStart = Long.MIN_VALUE;

    /** Wall-clock time of the series' last reading, for idle expiry; 0 when not known. */
    long lastSeenMs;

    double[] slotSum;
    int slotCount;
    private byte[] namesHeader;
    private String[] namesHeaderFor;

    record Held(long ts, double[] values) {}

    public SeriesState(String[] names, int steps) {
        this.names = names;
        this.stepTs = new long[steps];
        this.stepValues = new float[steps * names.length];
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
        System.arraycopy(values, 0, stepValues, slot * names.length, names.length);
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
                values[c][i] = stepValues[s * names.length + c];
            }
        }
        return new WindowSnapshot(series, names, ts, values, filled, arrivalNanos);
    }

    /**
     * Encodes the state: version byte, variable names (each as {@link
     * java.io.DataOutputStream#writeUTF}), capacity, reorder buffer, steps oldest first, resampling
     * slot; big-endian. Written straight into one exact-size buffer, with the names' bytes encoded
     * once per state.
     */
    byte[] toBytes() {
        byte[] header = namesHeader();
        int c = names.length;
        int bytes =
                1
                        + header.length
                        + 4
                        + 8
                        + 8
                        + 4
                        + held.size() * (8 + 8 * c)
                        + 4
                        + size * (8 + 1 + 4 * c)
                        + 8
                        + 8
                        + 4
                        + 8 * c
                        + 8;
        byte[] out = new byte[bytes];
        out[0] = 2;
        System.arraycopy(header, 0, out, 1, header.length);
        int at = 1 + header.length;
        at = putInt(out, at, stepTs.length);
        at = putLong(out, at, maxSeenTs);
        at = putLong(out, at, lastReleasedTs);
        at = putInt(out, at, held.size());
        for (Held h : held) {
            at = putLong(out, at, h.ts());
            for (double v : h.values()) {
                at = putLong(out, at, Double.doubleToRawLongBits(v));
            }
        }
        at = putInt(out, at, size);
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % stepTs.length;
            at = putLong(out, at, stepTs[slot]);
            out[at++] = (byte) (stepFilled[slot] ? 1 : 0);
            for (int v = slot * c, end = v + c; v < end; v++) {
                at = putInt(out, at, Float.floatToRawIntBits(stepValues[v]));
            }
        }
        at = putLong(out, at, stepsSeen);
        at = putLong(out, at, slotStart);
        at = putInt(out, at, slotCount);
        for (double v : slotSum) {
            at = putLong(out, at, Double.doubleToRawLongBits(v));
        }
        putLong(out, at, lastSeenMs);
        return out;
    }

    /*
     * Big-endian writes straight into the array. HeapByteBuffer's puts go through JDK 17's
     * ScopedMemoryAccess, which the JIT did not always inline in the stream thread: there the
     * per-step puts took 16% of its samples. Array-view var handles compile to plain stores.
     */
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static int putInt(byte[] out, int at, int v) {
        INT.set(out, at, v);
        return at + 4;
    }

    private static int putLong(byte[] out, int at, long v) {
        LONG.set(out, at, v);
        return at + 8;
    }

    /** The names' count and modified-UTF-8 strings, as DataOutputStream writes them. */
    private byte[] namesHeader() {
        if (namesHeader == null || namesHeaderFor != names) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 + 16 * names.length);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeShort(names.length);
                for (String n : names) {
                    out.writeUTF(n);
                }
                namesHeader = bytes.toByteArray();
                namesHeaderFor = names;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return namesHeader;
    }

    /** Decodes a stored state; a different {@code steps} than stored keeps the newest steps. */
    static SeriesState fromBytes(byte[] b, int steps) {
        try (DataInputStream names = new DataInputStream(new ByteArrayInputStream(b))) {
            names.readByte();
            String[] n = new String[names.readShort()];
            for (int i = 0; i < n.length; i++) {
                n[i] = names.readUTF();
            }
            int headerEnd = b.length - names.available();
            ByteBuffer in = ByteBuffer.wrap(b, headerEnd, b.length - headerEnd);
            in.getInt();
            SeriesState s = new SeriesState(n, steps);
            s.maxSeenTs = in.getLong();
            s.lastReleasedTs = in.getLong();
            int heldCount = in.getInt();
            for (int i = 0; i < heldCount; i++) {
                long ts = in.getLong();
                double[] v = new double[n.length];
                for (int c = 0; c < v.length; c++) {
                    v[c] = in.getDouble();
                }
                s.held.add(new Held(ts, v));
            }
            int size = in.getInt();
            for (int i = 0; i < size; i++) {
                long ts = in.getLong();
                boolean filled = in.get() != 0;
                float[] v = new float[n.length];
                for (int c = 0; c < v.length; c++) {
                    v[c] = in.getFloat();
                }
                s.append(ts, v, filled, 1);
            }
            s.stepsSeen = in.getLong();
            s.slotStart = in.getLong();
            s.slotCount = in.getInt();
            for (int c = 0; c < n.length; c++) {
                s.slotSum[c] = in.getDouble();
            }
            // version 1 (before idle expiry) ends here
            s.lastSeenMs = in.remaining() >= 8 ? in.getLong() : 0;
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
