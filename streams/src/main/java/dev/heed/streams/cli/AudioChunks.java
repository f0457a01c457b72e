package dev.heed.streams.cli;

import dev.heed.audio.Pcm16;
import dev.heed.audio.WavFile;
import dev.heed.streams.transcription.AudioTopology;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Sends a WAV file to the audio topic as PCM chunks with Heed's headers, paced or not. */
public final class AudioChunks {
    private AudioChunks() {}

    /**
     * Sends {@code wav} as chunks of {@code chunkMs} milliseconds, numbered from 0, the last one
     * marked {@code heed.end=true}; at real-time pace when {@code realtime}.
     *
     * @return the chunks sent
     */
    public static int send(
            Producer<byte[], byte[]> producer,
            String topic,
            String stream,
            WavFile wav,
            int chunkMs,
            boolean realtime)
            throws InterruptedException {
        int per = Math.max(1, wav.sampleRate() * chunkMs / 1000);
        float[] x = wav.samples();
        int chunks = Math.max(1, (x.length + per - 1) / per);
        byte[] key = stream.getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            float[] part = Arrays.copyOfRange(x, c * per, Math.min(x.length, (c + 1) * per));
            if (realtime) {
                long due = t0 + (long) ((c + 1) * (double) per / wav.sampleRate() * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.send(
                    new ProducerRecord<>(
                            topic,
                            null,
                            key,
                            Pcm16.encodeMono(part),
                            headers(wav.sampleRate(), c, c == chunks - 1)));
        }
        producer.flush();
        return chunks;
    }

    /** The headers of chunk {@code seq} of a mono 16-bit PCM stream at {@code rate}. */
    public static RecordHeaders headers(int rate, int seq, boolean end) {
        return AudioTopology.chunkHeaders(rate, seq, end);
    }
}
