package dev.heed.streams.sensors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.internal.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SeriesStateTest {
    private static final String[] NAMES = {"temp", "vibration", "drück"};

    /** A state whose ring has wrapped, with readings held for reordering and an open slot. */
    private static SeriesState sample() throws Rejection {
        Windower w = new Windower(4, 2, 0, 0, 10, 1000);
        SeriesState s = new SeriesState(NAMES, 4);
        for (long ts : new long[] {1, 2, 3, 4, 5, 6, 20, 15, 17, 25}) {
            w.accept(s, new Reading("s", ts, NAMES, new double[] {ts, -ts / 3.0, ts * 1e-7}), 0);
        }
        s.slotStart = 40;
        s.slotCount = 2;
        s.slotSum[1] = 0.125;
        return s;
    }

    @Test
    void shouldEncodeExactlyAsTheDataOutputStreamFormat() throws Exception {
        SeriesState s = sample();
        assertThat(s.held).isNotEmpty();
        assertThat(s.head).isNotZero();
        assertThat(s.toBytes()).isEqualTo(reference(s));
    }

    @Test
    void shouldDecodeWhatItEncodes() throws Exception {
        SeriesState s = sample();
        SeriesState back = SeriesState.fromBytes(s.toBytes(), 4);
        assertThat(back.names).containsExactly(NAMES);
        assertThat(back.held).hasSameSizeAs(s.held);
        assertThat(back.toBytes()).isEqualTo(s.toBytes());
        assertThat(back.snapshot("s", 0).values()).isDeepEqualTo(s.snapshot("s", 0).values());
    }

    @Test
    void shouldReEncodeNamesWhenTheyChange() throws Exception {
        SeriesState s = sample();
        s.toBytes();
        s.names = new String[] {"a", "b", "c"};
        assertThat(s.toBytes()).isEqualTo(reference(s));
    }

    @Test
    void shouldStillReadVersionOneWithoutALastSeenTime() throws Exception {
        SeriesState s = sample();
        s.lastSeenMs = 1234;
        SeriesState back = SeriesState.fromBytes(reference(s, 1), 4);
        assertThat(back.lastSeenMs).isZero();
        assertThat(back.held).hasSameSizeAs(s.held);
        assertThat(back.snapshot("s", 0).values()).isDeepEqualTo(s.snapshot("s", 0).values());
        assertThat(SeriesState.fromBytes(s.toBytes(), 4).lastSeenMs).isEqualTo(1234);
    }

    private static byte[] reference(SeriesState s) throws IOException {
        return reference(s, 2);
    }

    /**
     * The original DataOutputStream encoder, kept here as the format's reference: version 1, and
     * version 2 with the last-seen time at the end.
     */
    private static byte[] reference(SeriesState s, int version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(version);
        out.writeShort(s.names.length);
        for (String n : s.names) {
            out.writeUTF(n);
        }
        out.writeInt(s.stepTs.length);
        out.writeLong(s.maxSeenTs);
        out.writeLong(s.lastReleasedTs);
        out.writeInt(s.held.size());
        for (SeriesState.Held h : s.held) {
            out.writeLong(h.ts());
            for (double v : h.values()) {
                out.writeDouble(v);
            }
        }
        out.writeInt(s.size);
        for (int i = 0; i < s.size; i++) {
            int slot = (s.head + i) % s.stepTs.length;
            out.writeLong(s.stepTs[slot]);
            out.writeBoolean(s.stepFilled[slot]);
            for (int c = 0; c < s.names.length; c++) {
                out.writeFloat(s.stepValues[slot * s.names.length + c]);
            }
        }
        out.writeLong(s.stepsSeen);
        out.writeLong(s.slotStart);
        out.writeInt(s.slotCount);
        for (double v : s.slotSum) {
            out.writeDouble(v);
        }
        if (version >= 2) {
            out.writeLong(s.lastSeenMs);
        }
        return bytes.toByteArray();
    }
}
