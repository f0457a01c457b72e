package dev.heed.audio;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The byte layout of saved processor state: a magic byte, a version, a configuration fingerprint
 * (so state is never restored into a processor configured differently), then fields.
 */
final class StateCodec {

    private static final byte MAGIC = (byte) 0xA7;
    private static final byte VERSION = 1;

    private StateCodec() {}

    public static Writer writer(String what, int fingerprint) {
        return new Writer(what, fingerprint);
    }

    /**
     * @throws HeedAudioException if the bytes are not state of this kind and configuration
     */
    public static Reader reader(byte[] state, String what, int fingerprint) {
        ByteBuffer b = ByteBuffer.wrap(state);
        if (state.length < 6 || b.get() != MAGIC || b.get() != VERSION) {
            throw new HeedAudioException(
                    "not saved " + what + " state (bad header, " + state.length + " bytes)");
        }
        int saved = b.getInt();
        if (saved != fingerprint) {
            throw new HeedAudioException(
                    "saved "
                            + what
                            + " state was written with another configuration (fingerprint "
                            + saved
                            + ", this one "
                            + fingerprint
                            + "); start the stream's state afresh");
        }
        return new Reader(b, what);
    }

    /** Appends fields. */
    public static final class Writer {
        private ByteBuffer b = ByteBuffer.allocate(64);

        private Writer(String what, int fingerprint) {
            b.put(MAGIC).put(VERSION).putInt(fingerprint);
        }

        private void room(int bytes) {
            if (b.remaining() < bytes) {
                ByteBuffer bigger =
                        ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + bytes));
                b.flip();
                bigger.put(b);
                b = bigger;
            }
        }

        public Writer writeFloat(float v) {
            room(4);
            b.putFloat(v);
            return this;
        }

        public Writer writeInt(int v) {
            room(4);
            b.putInt(v);
            return this;
        }

        public Writer writeLong(long v) {
            room(8);
            b.putLong(v);
            return this;
        }

        public Writer writeFloats(float[] v) {
            room(4 + 4 * v.length);
            b.putInt(v.length);
            for (float f : v) {
                b.putFloat(f);
            }
            return this;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(b.array(), b.position());
        }
    }

    /** Reads fields in the order written. */
    public static final class Reader {
        private final ByteBuffer b;
        private final String what;

        private Reader(ByteBuffer b, String what) {
            this.b = b;
            this.what = what;
        }

        public float readFloat() {
            return guard(() -> b.getFloat());
        }

        public int readInt() {
            return guard(() -> b.getInt());
        }

        public long readLong() {
            return guard(() -> b.getLong());
        }

        public float[] readFloats() {
            return guard(
                    () -> {
                        int n = b.getInt();
                        if (n < 0 || n > b.remaining() / 4) {
                            throw new HeedAudioException("saved " + what + " state is truncated");
                        }
                        float[] v = new float[n];
                        for (int i = 0; i < n; i++) {
                            v[i] = b.getFloat();
                        }
                        return v;
                    });
        }

        /** Checks that nothing is left over. */
        public void end() {
            if (b.hasRemaining()) {
                throw new HeedAudioException(
                        "saved "
                                + what
                                + " state has "
                                + b.remaining()
                                + " unexpected trailing bytes");
            }
        }

        private <T> T guard(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (BufferUnderflowException e) {
                throw new HeedAudioException("saved " + what + " state is truncated");
            }
        }
    }
}
