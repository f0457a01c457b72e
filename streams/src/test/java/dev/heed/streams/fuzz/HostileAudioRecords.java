package dev.heed.streams.fuzz;

import static dev.heed.streams.Fixtures.utf8;
import static dev.heed.streams.fuzz.AudioDraft.CHANNELS;
import static dev.heed.streams.fuzz.AudioDraft.ENCODING;
import static dev.heed.streams.fuzz.AudioDraft.END;
import static dev.heed.streams.fuzz.AudioDraft.RATE;
import static dev.heed.streams.fuzz.AudioDraft.SEQ;
import static dev.heed.streams.fuzz.HostileBytes.garbage;
import static dev.heed.streams.fuzz.HostileBytes.noise;
import static dev.heed.streams.fuzz.HostileBytes.notANumber;
import static dev.heed.streams.fuzz.HostileBytes.outside;

import dev.heed.streams.Fixtures;
import dev.heed.streams.fuzz.AudioDraft.Fault;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators of hostile records for the audio topic ({@code topic.audio}). Each starts as a
 * good chunk (PCM noise with valid headers; noise with valid headers is audio, not malformed) and
 * gets one to three faults: odd byte counts, empty and oversize chunks, binary junk without
 * headers, missing, negative, huge, non-numeric and non-UTF-8 sample rates, channels, encodings and
 * sequence numbers, old sequence numbers of good streams, and no stream id. Junk copies of the heed
 * headers before the real ones, and the sensor fuzz's hostile headers, go on top.
 */
public final class HostileAudioRecords {
    private final int maxBytes;
    private final List<String> goodStreams;
    private final long processedSeq;

    /**
     * @param maxBytes the topology's {@code audio.max.chunk.bytes}
     * @param goodStreams stream ids that keep going while these arrive
     * @param processedSeq every good stream has processed a chunk numbered above this one
     */
    public HostileAudioRecords(int maxBytes, List<String> goodStreams, long processedSeq) {
        this.maxBytes = maxBytes;
        this.goodStreams = goodStreams;
        this.processedSeq = processedSeq;
    }

    public Arbitrary<Hostile> records() {
        Arbitrary<Fault> fault =
                Arbitraries.frequencyOf(
                        Tuple.of(12, oddBytes()),
                        Tuple.of(4, empty()),
                        Tuple.of(1, oversize()),
                        Tuple.of(10, bareJunk()),
                        Tuple.of(8, noRate()),
                        Tuple.of(14, badRate()),
                        Tuple.of(10, badChannels()),
                        Tuple.of(10, badEncoding()),
                        Tuple.of(10, badSeq()),
                        Tuple.of(10, oldSeq()),
                        Tuple.of(6, noKey()));
        Arbitrary<List<byte[]>> decoys =
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(List.<byte[]>of())),
                        Tuple.of(
                                1,
                                Arbitraries.oneOf(
                                                garbage(),
                                                Arbitraries.of(
                                                                "8000",
                                                                "16000",
                                                                "pcm_s16le",
                                                                "1",
                                                                "2",
                                                                "0",
                                                                "true")
                                                        .map(Fixtures::utf8))
                                        .list()
                                        .ofMaxSize(5)));
        return Combinators.combine(
                        base(),
                        fault.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Fault::slot),
                        decoys,
                        Arbitraries.integers().between(0, 3),
                        HostileBytes.headers())
                .as(
                        (draft, faults, junk, coin, extra) -> {
                            AudioDraft d = draft.get();
                            faults.forEach(d::apply);
                            return d.toHostile(junk, coin == 0 ? extra : List.of());
                        });
    }

    /**
     * A good chunk: on a good stream with an old or no sequence number, or on a stream of its own.
     */
    private Arbitrary<Supplier<AudioDraft>> base() {
        Arbitrary<Tuple2<byte[], String>> keyAndSeq =
                Arbitraries.frequencyOf(
                        Tuple.of(
                                3,
                                Combinators.combine(
                                                Arbitraries.of(goodStreams).map(Fixtures::utf8),
                                                oldSeqs().injectNull(0.5))
                                        .as(Tuple::of)),
                        Tuple.of(
                                7,
                                Combinators.combine(
                                                hostileKeys(),
                                                Arbitraries.oneOf(
                                                                Arbitraries.longs()
                                                                        .between(0, Long.MAX_VALUE)
                                                                        .map(String::valueOf),
                                                                Arbitraries.of(
                                                                        "0",
                                                                        "" + Long.MAX_VALUE,
                                                                        "" + (Long.MAX_VALUE - 1)),
                                                                Arbitraries.integers()
                                                                        .between(0, 999)
                                                                        .map(n -> " " + n + "\t"))
                                                        .injectNull(0.3))
                                        .as(Tuple::of)));
        Arbitrary<String> rate =
                Arbitraries.oneOf(
                        Arbitraries.of("8000", "16000", "44100", "4000", "192000", " 8000 "),
                        Arbitraries.integers().between(4000, 192_000).map(String::valueOf));
        return Combinators.combine(
                        keyAndSeq,
                        noise(4, 4096, 4),
                        rate,
                        Arbitraries.of("pcm_s16le", "PCM_S16LE", " pcm_s16le ").injectNull(0.4),
                        Arbitraries.of("1", "2", " 2 ").injectNull(0.4),
                        Arbitraries.of("false", "true", "FALSE").injectNull(0.6))
                .as(
                        (ks, pcm, r, enc, ch, end) ->
                                () -> {
                                    AudioDraft d = new AudioDraft(ks.get1(), pcm).header(RATE, r);
                                    optional(d, ENCODING, enc);
                                    optional(d, CHANNELS, ch);
                                    optional(d, SEQ, ks.get2());
                                    return optional(d, END, end);
                                });
    }

    private Arbitrary<Fault> oddBytes() {
        return Arbitraries.oneOf(
                noise(1, 4095, 2)
                        .map(b -> fault("odd_bytes", "value", "odd_byte_count", d -> d.value = b)),
                noise(2, 4094, 4)
                        .map(
                                b ->
                                        fault(
                                                "odd_stereo_frames",
                                                "value",
                                                "odd_byte_count",
                                                d -> {
                                                    d.value = b;
                                                    d.header(CHANNELS, "2");
                                                })));
    }

    private Arbitrary<Fault> empty() {
        return Combinators.combine(
                        Arbitraries.just(new byte[0]).injectNull(0.5),
                        Arbitraries.of("false", "yes", "1", " true", "true\n", "t").injectNull(0.5))
                .as(
                        (b, end) ->
                                fault(
                                        "empty",
                                        "value",
                                        "empty",
                                        d -> {
                                            d.value = b;
                                            d.heed.remove(END);
                                            optional(d, END, end);
                                        }));
    }

    private Arbitrary<Fault> oversize() {
        return Arbitraries.integers()
                .between(maxBytes + 1, maxBytes + 8192)
                .map(n -> fault("oversize", "value", "oversize", d -> d.value = new byte[n]));
    }

    /** Random bytes, any length, with none of the heed headers. */
    private Arbitrary<Fault> bareJunk() {
        return noise(1, 4096, 1)
                .map(
                        b ->
                                fault(
                                        "binary_junk",
                                        "value",
                                        "bad_header",
                                        d -> {
                                            d.value = b;
                                            d.heed.clear();
                                        }));
    }

    /** No sample rate: the header left out, or one with a null value. */
    private Arbitrary<Fault> noRate() {
        return Arbitraries.of("no_rate", "null_rate")
                .map(
                        kind ->
                                fault(
                                        kind,
                                        "rate",
                                        "bad_header",
                                        d -> {
                                            if (kind.equals("no_rate")) {
                                                d.heed.remove(RATE);
                                            } else {
                                                d.header(RATE, (byte[]) null);
                                            }
                                        }));
    }

    private Arbitrary<Fault> badRate() {
        return Arbitraries.oneOf(notANumber(), outside(3999, 192_001))
                .map(v -> fault("bad_rate", "rate", "bad_header", d -> d.header(RATE, v)));
    }

    private Arbitrary<Fault> badChannels() {
        return Arbitraries.oneOf(notANumber(), outside(0, 3))
                .map(
                        v ->
                                fault(
                                        "bad_channels",
                                        "channels",
                                        "bad_header",
                                        d -> d.header(CHANNELS, v)));
    }

    private Arbitrary<Fault> badEncoding() {
        return Arbitraries.oneOf(
                        garbage(),
                        Arbitraries.integers()
                                .between(2, 8000)
                                .map(n -> utf8("pcm_s16le".repeat(n))),
                        Arbitraries.of(
                                        "mulaw",
                                        "alaw",
                                        "pcm_s16be",
                                        "pcm_f32le",
                                        "pcm_s24le",
                                        "pcm_u8",
                                        "opus",
                                        "flac",
                                        "wav",
                                        "",
                                        "   ",
                                        "pcm_s16le;rate=8000",
                                        "pcm-s16le",
                                        "s16le")
                                .map(Fixtures::utf8))
                .map(
                        v ->
                                fault(
                                        "bad_encoding",
                                        "encoding",
                                        "unsupported_encoding",
                                        d -> d.header(ENCODING, v)));
    }

    private Arbitrary<Fault> badSeq() {
        return Arbitraries.oneOf(
                        garbage(),
                        Arbitraries.longs().between(Long.MIN_VALUE, -1).map(n -> utf8("" + n)),
                        Arbitraries.of("-1", "" + Long.MIN_VALUE, "9223372036854775808")
                                .map(Fixtures::utf8),
                        Arbitraries.integers().between(19, 8000).map(n -> utf8("9".repeat(n))),
                        Arbitraries.of(
                                        "1.5",
                                        "one",
                                        "0x10",
                                        "",
                                        " ",
                                        "1e3",
                                        "+-1",
                                        "--1",
                                        "NaN",
                                        "Infinity")
                                .map(Fixtures::utf8))
                .map(v -> fault("bad_seq", "seq", "bad_header", d -> d.header(SEQ, v)));
    }

    /** A good stream's chunk numbered like one it has processed already. */
    private Arbitrary<Fault> oldSeq() {
        return Combinators.combine(Arbitraries.of(goodStreams), oldSeqs())
                .as(
                        (s, seq) ->
                                fault(
                                        "old_seq",
                                        "seq",
                                        "sequence_repeat",
                                        d -> {
                                            d.key = utf8(s);
                                            d.header(SEQ, seq);
                                        }));
    }

    private Arbitrary<Fault> noKey() {
        return Arbitraries.of(new byte[0], utf8(" "), utf8("\t\n"), utf8("\u2003"))
                .injectNull(0.3)
                .map(k -> fault("no_stream_id", "key", "missing_field", d -> d.key = k));
    }

    private Arbitrary<String> oldSeqs() {
        return Arbitraries.longs().between(0, processedSeq).map(String::valueOf);
    }

    /** Stream ids of no good stream: names, any text, invalid UTF-8, 10,000 characters. */
    private Arbitrary<byte[]> hostileKeys() {
        return Arbitraries.oneOf(
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .ofMaxLength(12)
                                .map(s -> "mic-" + s),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(64),
                        garbage().map(b -> new String(b, StandardCharsets.UTF_8)),
                        Arbitraries.integers().between(1000, 10_000).map("k"::repeat))
                .filter(s -> !s.isBlank() && !goodStreams.contains(s))
                .map(Fixtures::utf8);
    }

    private static AudioDraft optional(AudioDraft d, String name, String v) {
        return v == null ? d : d.header(name, v);
    }

    private static Fault fault(
            String name, String slot, String reason, Consumer<AudioDraft> change) {
        return new Fault(name, slot, reason, change);
    }
}
