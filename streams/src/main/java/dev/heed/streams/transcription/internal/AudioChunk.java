package dev.heed.streams.transcription.internal;

import dev.heed.audio.Pcm16;
import dev.heed.streams.internal.Reason;
import dev.heed.streams.internal.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One audio chunk, validated: mono samples in [-1, 1] at {@code rate}, its sequence number (or -1
 * when the producer sends none) and whether it ends the stream.
 */
record AudioChunk(float[] samples, int rate, long seq, boolean end) {
    static final String RATE = "heed.sample.rate";
    static final String ENCODING = "heed.encoding";
    static final String CHANNELS = "heed.channels";
    static final String SEQ = "heed.seq";
    static final String END = "heed.end";
    static final String PCM_S16LE = "pcm_s16le";

    /** The chunk's sequence number if its header is readable, else -1. */
    static long seqOf(Headers headers) {
        try {
            String s = header(headers, SEQ);
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static AudioChunk parse(Headers headers, byte[] value, int maxBytes) throws Rejection {
        boolean end = "true".equalsIgnoreCase(header(headers, END));
        int bytes = value == null ? 0 : value.length;
        if (bytes == 0 && !end) {
            throw new Rejection(
                    Reason.EMPTY,
                    "empty audio chunk; send PCM bytes, or an empty chunk with"
                            + " header heed.end=true to end the stream");
        }
        if (bytes > maxBytes) {
            throw new Rejection(
                    Reason.OVERSIZE,
                    "audio chunk of "
                            + bytes
                            + " bytes is larger than"
                            + " audio.max.chunk.bytes="
                            + maxBytes
                            + "; send chunks of at most a few seconds");
        }
        String encoding = header(headers, ENCODING);
        if (encoding != null && !encoding.trim().toLowerCase(Locale.ROOT).equals(PCM_S16LE)) {
            throw new Rejection(
                    Reason.UNSUPPORTED_ENCODING,
                    "heed.encoding '"
                            + encoding
                            + "' is not supported; send 16-bit little-endian PCM with heed.encoding=pcm_s16le");
        }
        int rate = intHeader(headers, RATE, -1, "the sample rate in Hz, such as 16000");
        if (rate < 4000 || rate > 192_000) {
            throw new Rejection(
                    Reason.BAD_HEADER,
                    "heed.sample.rate "
                            + (rate < 0 ? "missing" : rate)
                            + "; set it to the chunk's sample rate in Hz, between 4000 and 192000 (8000 and 16000"
                            + " are used as they are, others are resampled)");
        }
        int channels = intHeader(headers, CHANNELS, 1, "1 (mono) or 2 (stereo)");
        if (channels != 1 && channels != 2) {
            throw new Rejection(
                    Reason.BAD_HEADER,
                    "heed.channels "
                            + channels
                            + " is not supported; send mono (1) or stereo (2) PCM");
        }
        if (bytes % (2 * channels) != 0) {
            throw new Rejection(
                    Reason.ODD_BYTE_COUNT,
                    "audio chunk of "
                            + bytes
                            + " bytes is not a"
                            + " whole number of "
                            + channels
                            + "-channel 16-bit samples; send whole samples");
        }
        String seqText = header(headers, SEQ);
        long seq = seqOf(headers);
        if (seqText != null && seq < 0) {
            throw new Rejection(
                    Reason.BAD_HEADER,
                    "heed.seq '"
                            + seqText
                            + "' is not a whole number >= 0; number the chunks of a stream 0, 1, 2, ...");
        }
        float[] mono = bytes == 0 ? new float[0] : Pcm16.decodeMono(value, channels);
        return new AudioChunk(mono, rate, seq, end);
    }

    private static int intHeader(Headers headers, String key, int absent, String what)
            throws Rejection {
        String v = header(headers, key);
        if (v == null) {
            return absent;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new Rejection(
                    Reason.BAD_HEADER,
                    key + " '" + v + "' is not a whole number; set it to " + what);
        }
    }

    private static String header(Headers headers, String key) {
        Header h = headers == null ? null : headers.lastHeader(key);
        return h == null || h.value() == null
                ? null
                : new String(h.value(), StandardCharsets.UTF_8);
    }
}
