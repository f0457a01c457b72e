package dev.heed.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes RIFF WAVE files of 16-bit PCM (mono or interleaved channels, mixed down to mono
 * on reading), parsed by hand so that no {@code javax.sound} line is needed.
 *
 * @param samples mono samples in [-1, 1)
 * @param sampleRate samples per second
 */
public record WavFile(float[] samples, int sampleRate) {

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * Reads a WAV file.
     *
     * @throws IOException if it cannot be read
     * @throws HeedAudioException if it is not 16-bit PCM WAVE
     */
    public static WavFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses WAV bytes; {@code name} appears in error messages. */
    public static WavFile parse(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new HeedAudioException(name + " is not a RIFF WAVE file");
        }
        int channels = 0;
        int rate = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                int bits = b.getShort(body + 14);
                if ((format != 1 && format != 0xfffe) || bits != 16) {
                    throw new HeedAudioException(
                            name
                                    + ": only 16-bit PCM WAV is supported, got format "
                                    + format
                                    + " with "
                                    + bits
                                    + " bits; convert it (e.g. sox in.wav -b 16 out.wav)");
                }
            } else if (id == 0x61746164) { // "data"
                if (channels == 0) {
                    throw new HeedAudioException(name + ": data chunk before the fmt chunk");
                }
                int end = Math.min(bytes.length, body + size);
                int frameBytes = 2 * channels;
                int usable = (end - body) / frameBytes * frameBytes;
                byte[] pcm = Arrays.copyOfRange(bytes, body, body + usable);
                return new WavFile(Pcm16.decodeMono(pcm, channels), rate);
            }
            pos = body + size + (size & 1);
        }
        throw new HeedAudioException(name + ": no data chunk");
    }

    /** This audio as a mono 16-bit PCM WAV file's bytes. */
    public byte[] toBytes() {
        byte[] pcm = Pcm16.encodeMono(samples);
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1);
        h.putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        h.putInt(0x61746164).putInt(pcm.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + pcm.length);
        out.writeBytes(h.array());
        out.writeBytes(pcm);
        return out.toByteArray();
    }

    /** Writes this audio as a mono 16-bit PCM WAV file. */
    public void write(Path file) throws IOException {
        Files.write(file, toBytes());
    }
}
