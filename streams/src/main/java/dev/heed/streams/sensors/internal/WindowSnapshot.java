package dev.heed.streams.sensors.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One full window of a series, ready for the model.
 *
 * @param names variable names
 * @param ts {@code [steps]} event time of each step
 * @param values {@code [variables][steps]}
 * @param filled {@code [steps]} true where the step was filled in by resampling
 * @param arrivalNanos when the reading that completed the window arrived (for latency)
 */
record WindowSnapshot(
        String series,
        String[] names,
        long[] ts,
        float[][] values,
        boolean[] filled,
        long arrivalNanos) {

    long start() {
        return ts[0];
    }

    long end() {
        return ts[ts.length - 1];
    }

    /** The pending-store key: series and end time, unique per emitted window. */
    String key() {
        return series + '\u0000' + end();
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes =
                    new ByteArrayOutputStream(64 + ts.length * (9 + 4 * names.length));
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(1);
            out.writeUTF(series);
            out.writeShort(names.length);
            for (String n : names) {
                out.writeUTF(n);
            }
            out.writeInt(ts.length);
            for (int t = 0; t < ts.length; t++) {
                out.writeLong(ts[t]);
                out.writeBoolean(filled[t]);
            }
            for (float[] row : values) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
            out.writeLong(arrivalNanos);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WindowSnapshot fromBytes(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            in.readByte();
            String series = in.readUTF();
            String[] names = new String[in.readShort()];
            for (int i = 0; i < names.length; i++) {
                names[i] = in.readUTF();
            }
            int steps = in.readInt();
            long[] ts = new long[steps];
            boolean[] filled = new boolean[steps];
            for (int t = 0; t < steps; t++) {
                ts[t] = in.readLong();
                filled[t] = in.readBoolean();
            }
            float[][] values = new float[names.length][steps];
            for (float[] row : values) {
                for (int t = 0; t < steps; t++) {
                    row[t] = in.readFloat();
                }
            }
            return new WindowSnapshot(series, names, ts, values, filled, in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
