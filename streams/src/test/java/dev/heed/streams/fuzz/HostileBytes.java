package dev.heed.streams.fuzz;

import static dev.heed.streams.Fixtures.utf8;

import dev.heed.streams.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Hostile bytes both topics' generators use: headers, invalid UTF-8, numbers out of range, noise.
 */
final class HostileBytes {
    private HostileBytes() {}

    /** Hostile headers: binary and huge values, null values, a forged dead-letter reason. */
    static Arbitrary<List<Header>> headers() {
        Arbitrary<Header> one =
                Arbitraries.oneOf(
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofMaxSize(64)
                                .map(b -> new RecordHeader("content-type", b)),
                        Arbitraries.just(new RecordHeader("heed.dlq.reason", utf8("forged"))),
                        Arbitraries.just(new RecordHeader("heed.dlq.source.offset", utf8("-99"))),
                        Arbitraries.just(new RecordHeader("trace", (byte[]) null)),
                        Arbitraries.integers()
                                .between(1, 16_384)
                                .map(n -> new RecordHeader("x-big", new byte[n])),
                        Arbitraries.strings()
                                .ofMinLength(1)
                                .ofMaxLength(32)
                                .map(k -> new RecordHeader(k, utf8(k))));
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    /** Whole numbers up to {@code below} and from {@code above}, as text. */
    static Arbitrary<byte[]> outside(int below, int above) {
        Arbitrary<Integer> edges =
                Arbitraries.of(
                                below,
                                above,
                                below - 1,
                                above + 1,
                                0,
                                -1,
                                Integer.MIN_VALUE,
                                Integer.MAX_VALUE)
                        .filter(n -> n <= below || n >= above);
        return Arbitraries.oneOf(
                        edges,
                        Arbitraries.integers().between(Integer.MIN_VALUE, below),
                        Arbitraries.integers().between(above, Integer.MAX_VALUE))
                .map(n -> utf8("" + n));
    }

    /** Header values that no number parser or encoding name accepts. */
    static Arbitrary<byte[]> notANumber() {
        return Arbitraries.oneOf(
                garbage(),
                Arbitraries.integers().between(11, 65_536).map(n -> utf8("9".repeat(n))),
                Arbitraries.longs().between(1L << 31, Long.MAX_VALUE).map(n -> utf8("" + n)),
                Arbitraries.of(
                                "16k", "16000.0", "16 000", "1.6e4", "0x3E80", "NaN", "", "  ",
                                "mono", "stereo", "two", "+-2", "8000Hz")
                        .map(Fixtures::utf8));
    }

    /** Bytes with an invalid UTF-8 sequence in them, so never a number nor a name once decoded. */
    static Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> invalid =
                Arbitraries.of(
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xA0, (byte) 0xA1},
                        new byte[] {(byte) 0xE2, 0x28, (byte) 0xA1},
                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xF0, (byte) 0x90, 0x28, (byte) 0xBC});
        return Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(24),
                        invalid,
                        Arbitraries.integers().between(0, 24))
                .as(
                        (b, bad, at) -> {
                            int i = Math.min(at, b.length);
                            byte[] out = Arrays.copyOf(b, b.length + bad.length);
                            System.arraycopy(bad, 0, out, i, bad.length);
                            System.arraycopy(b, i, out, i + bad.length, b.length - i);
                            return out;
                        });
    }

    /**
     * Seeded noise of {@code min..max} bytes, a multiple of {@code step} plus {@code min % step}.
     */
    static Arbitrary<byte[]> noise(int min, int max, int step) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, (max - min) / step), Arbitraries.longs())
                .as(
                        (k, seed) -> {
                            byte[] b = new byte[min + k * step];
                            new Random(seed).nextBytes(b);
                            return b;
                        });
    }
}
