package dev.heed.streams.fuzz;

import static dev.heed.streams.Fixtures.utf8;

import dev.heed.audio.Pcm16;
import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A good audio stream for the fuzz: the shipped recording of "two zero four eight" in 100 ms
 * chunks, sent over and over. Each run ends with {@code heed.end=true}; the chunks are numbered on
 * across runs.
 */
public final class GoodStream {
    static final Path DIGITS = Path.of("../samples/audio/digits_2048_lucas.wav");

    private final String id;
    private final int rate;
    private final int channels;
    private final List<byte[]> chunks;
    private int sent;

    private GoodStream(String id, int rate, int channels, List<byte[]> chunks) {
        this.id = id;
        this.rate = rate;
        this.channels = channels;
        this.chunks = chunks;
    }

    /** The recording at its own 8 kHz, resampled to 16 kHz, and as 8 kHz stereo. */
    public static List<GoodStream> ofDigits() throws IOException {
        WavFile wav = WavFile.read(DIGITS);
        int r = wav.sampleRate();
        float[] x16 = Resampler.resample(wav.samples(), r, 16_000);
        return List.of(
                new GoodStream("good-mono", r, 1, split(wav.samples(), r / 10, 1)),
                new GoodStream("good-16k", 16_000, 1, split(x16, 1600, 1)),
                new GoodStream("good-stereo", r, 2, split(wav.samples(), r / 10, 2)));
    }

    public String id() {
        return id;
    }

    public int chunks() {
        return chunks.size();
    }

    public int sent() {
        return sent;
    }

    /** The next chunk, numbered {@code sent}; the last of a run has {@code heed.end=true}. */
    public TestRecord<byte[], byte[]> next() {
        int c = sent % chunks.size();
        RecordHeaders h = new RecordHeaders();
        h.add("heed.sample.rate", utf8("" + rate));
        h.add("heed.encoding", utf8("pcm_s16le"));
        h.add("heed.channels", utf8("" + channels));
        h.add("heed.seq", utf8("" + sent));
        if (c == chunks.size() - 1) {
            h.add("heed.end", utf8("true"));
        }
        sent++;
        return new TestRecord<>(utf8(id), chunks.get(c), h);
    }

    private static List<byte[]> split(float[] x, int per, int channels) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < x.length; i += per) {
            byte[] mono = Pcm16.encodeMono(Arrays.copyOfRange(x, i, Math.min(x.length, i + per)));
            byte[] pcm = new byte[mono.length * channels];
            for (int s = 0; s < mono.length / 2; s++) {
                for (int c = 0; c < channels; c++) {
                    pcm[2 * (s * channels + c)] = mono[2 * s];
                    pcm[2 * (s * channels + c) + 1] = mono[2 * s + 1];
                }
            }
            out.add(pcm);
        }
        return out;
    }
}
