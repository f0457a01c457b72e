package dev.heed.streams.transcription.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioStateTest {

    @Test
    void shouldWriteTheBytesThatEarlierVersionsWroteAndStoredStatesStillRead() throws IOException {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            AudioState s = random(rnd);
            byte[] bytes = s.toBytes();
            assertThat(bytes).isEqualTo(legacy(s, 4));
            AudioState back = AudioState.fromBytes(bytes);
            assertThat(back.lastSeenMs).isEqualTo(s.lastSeenMs);
            assertThat(back.history).isEqualTo(s.history);
            AudioState v3 = AudioState.fromBytes(legacy(s, 3));
            assertThat(v3.lastSeenMs).isEqualTo(s.lastSeenMs);
            assertThat(v3.history).as("version 3 had none").isNull();
            AudioState v2 = AudioState.fromBytes(legacy(s, 2));
            assertThat(v2.lastSeenMs).as("version 2 had none").isZero();
            assertThat(v2.buf).hasSameSizeAs(s.buf);
            assertThat(back.toBytes()).isEqualTo(bytes);
            assertThat(back.nextSeq).isEqualTo(s.nextSeq);
            assertThat(back.extractor).isEqualTo(s.extractor);
            assertThat(back.vad).isEqualTo(s.vad);
            assertThat(back.resampler).isEqualTo(s.resampler);
            assertThat(back.open).isEqualTo(s.open);
            assertThat(back.bufStart).isEqualTo(s.bufStart);
            assertThat(back.buf).hasSameSizeAs(s.buf);
            for (int i = 0; i < s.buf.size(); i++) {
                assertThat(back.buf.get(i)).containsExactly(s.buf.get(i));
            }
            assertThat(back.rms).containsExactly(s.rms);
            assertThat(back.carry).containsExactly(s.carry);
            assertThat(back.gaps).hasSameSizeAs(s.gaps);
        }
    }

    @Test
    void shouldRefuseATruncatedState() {
        AudioState s = random(new Random(3));
        byte[] b = s.toBytes();
        assertThatThrownBy(() -> AudioState.fromBytes(Arrays.copyOf(b, b.length - 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("truncated");
    }

    private static AudioState random(Random rnd) {
        AudioState s = new AudioState();
        s.nextSeq = rnd.nextInt(1000) - 1;
        s.lastSeenMs = 1_700_000_000_000L + rnd.nextInt(1_000_000);
        s.history = rnd.nextBoolean() ? bytes(rnd, 12 + 8 * 40) : null;
        s.extractor = rnd.nextBoolean() ? bytes(rnd, rnd.nextInt(300)) : null;
        s.vad = bytes(rnd, rnd.nextInt(40));
        s.resampler = rnd.nextBoolean() ? bytes(rnd, rnd.nextInt(90)) : null;
        s.resampleFrom = rnd.nextBoolean() ? 44_100 : 0;
        s.utterances = rnd.nextInt(20);
        s.open = rnd.nextBoolean();
        s.uttStart = rnd.nextInt(5000);
        s.lastPartial = s.uttStart + rnd.nextInt(50);
        s.bufStart = rnd.nextInt(5000);
        int frames = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(200);
        for (int i = 0; i < frames; i++) {
            s.buf.add(floats(rnd, 40));
        }
        s.rmsStart = rnd.nextInt(5000);
        s.rms = floats(rnd, rnd.nextInt(300));
        s.carry = floats(rnd, rnd.nextInt(160));
        for (int i = rnd.nextInt(4); i > 0; i--) {
            s.gaps.add(new long[] {rnd.nextLong(), rnd.nextInt(9)});
        }
        return s;
    }

    private static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static float[] floats(Random rnd, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = rnd.nextInt(50) == 0 ? Float.NaN : (float) rnd.nextGaussian() * 30;
        }
        return f;
    }

    /**
     * The encoder of earlier versions ({@code DataOutputStream}), kept as the format's reference:
     * version 2, 3 with the last-seen time at the end, 4 with the stream history before it.
     */
    private static byte[] legacy(AudioState s, int version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            out.writeLong(s.nextSeq);
            legacyBytes(out, s.extractor);
            legacyBytes(out, s.vad);
            legacyBytes(out, s.resampler);
            out.writeInt(s.resampleFrom);
            out.writeInt(s.utterances);
            out.writeBoolean(s.open);
            out.writeLong(s.uttStart);
            out.writeLong(s.lastPartial);
            out.writeLong(s.bufStart);
            out.writeInt(s.buf.size());
            out.writeInt(s.buf.isEmpty() ? 0 : s.buf.get(0).length);
            for (float[] f : s.buf) {
                legacyFloats(out, f);
            }
            out.writeLong(s.rmsStart);
            out.writeInt(s.rms.length);
            legacyFloats(out, s.rms);
            out.writeInt(s.carry.length);
            legacyFloats(out, s.carry);
            out.writeInt(s.gaps.size());
            for (long[] g : s.gaps) {
                out.writeLong(g[0]);
                out.writeLong(g[1]);
            }
            if (version >= 4) {
                legacyBytes(out, s.history);
            }
            if (version >= 3) {
                out.writeLong(s.lastSeenMs);
            }
        }
        return bytes.toByteArray();
    }

    private static void legacyBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static void legacyFloats(DataOutputStream out, float[] f) throws IOException {
        for (float v : f) {
            out.writeFloat(v);
        }
    }
}
