package dev.heed.eval.demo;

import dev.heed.audio.WavFile;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.cli.AudioChunks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's live audio: the shipped FSDD test-split recordings (CC BY-SA 4.0, see
 * demo/audio/ATTRIBUTION.md) sent in real time as 100 ms chunks, one stream per recording, one
 * after the other with a pause between them, round and round.
 */
final class DemoAudio {
    static final String[] RECORDINGS = {
        "digits_2048_lucas", "3_jackson_0", "7_nicolas_1", "9_theo_2", "5_yweweler_3"
    };

    private final HeedConfig config;
    private final AtomicLong chunks = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    DemoAudio(HeedConfig config) {
        this.config = config;
    }

    static List<WavFile> recordings() {
        List<WavFile> out = new ArrayList<>();
        for (String r : RECORDINGS) {
            try (InputStream in =
                    DemoAudio.class.getResourceAsStream("/demo/audio/" + r + ".wav")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "demo recording missing: /demo/audio/" + r + ".wav");
                }
                out.add(padded(WavFile.parse(in.readAllBytes(), r + ".wav")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The recording with 300 ms of silence before and after, as a live microphone would deliver it:
     * FSDD's single digits are trimmed to the word, and the voice activity detector learns the
     * noise floor from the stream's first frames.
     */
    static WavFile padded(WavFile w) {
        int pad = w.sampleRate() * 3 / 10;
        float[] x = new float[w.samples().length + 2 * pad];
        System.arraycopy(w.samples(), 0, x, pad, w.samples().length);
        return new WavFile(x, w.sampleRate());
    }

    void start() {
        thread = new Thread(this::run, "heed-demo-audio");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        List<WavFile> wavs = recordings();
        Map<String, Object> props = HeedApp.producerProperties(config);
        props.put("linger.ms", 0);
        String topic = config.getString(HeedKeys.TOPIC_AUDIO);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; running; i++) {
                String stream = "mic-" + (i % wavs.size() + 1);
                chunks.addAndGet(
                        AudioChunks.send(
                                producer, topic, stream, wavs.get(i % wavs.size()), 100, true));
                Thread.sleep(1500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                System.err.println("heed demo: audio replay stopped: " + e);
            }
        }
    }

    long chunks() {
        return chunks.get();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
