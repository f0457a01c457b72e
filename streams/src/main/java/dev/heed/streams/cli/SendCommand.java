package dev.heed.streams.cli;

import dev.heed.audio.WavFile;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.app.HeedApp;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heed send sensors FILE.csv}: produce a CSV's rows as readings; {@code heed send audio
 * FILE.wav}: produce a WAV file as PCM chunks.
 */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description =
                "Produce a CSV (timestamp first, then numeric columns) into the sensors topic,"
                        + " or a 16-bit PCM WAV file into the audio topic as chunks.")
final class SendCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", paramLabel = "sensors|audio", description = "What to send.")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE.csv|FILE.wav")
    Path file;

    @Option(names = "--stream", description = "Audio: the stream id (default: the file name).")
    String stream;

    @Option(
            names = "--chunk",
            defaultValue = "100",
            paramLabel = "MS",
            description = "Audio: milliseconds per chunk (default ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--realtime", description = "Audio: send at the pace of the audio.")
    boolean realtime;

    @Option(
            names = "--rate",
            paramLabel = "N",
            description = "Readings per second (0: as fast as possible).")
    double rate;

    @Option(names = "--series", description = "Series id (default: the file name without .csv).")
    String series;

    @Override
    public Integer call() throws Exception {
        if (!kind.equals("sensors") && !kind.equals("audio")) {
            throw new HeedStreamsException(
                    "heed send takes 'sensors' or 'audio', got '" + kind + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw new HeedStreamsException(
                    "send "
                            + kind
                            + ": no file at "
                            + file.toAbsolutePath()
                            + "; give the path of a "
                            + (kind.equals("audio") ? "16-bit PCM WAV file" : "CSV file")
                            + ", such as heed send "
                            + kind
                            + (kind.equals("audio") ? " talk.wav" : " readings.csv"));
        }
        HeedConfig config = options.load();
        if (!config.hasBootstrapServers()) {
            config =
                    config.with(
                            "bootstrap.servers",
                            "127.0.0.1:" + config.getString(HeedKeys.EMBEDDED_PORT));
        }
        if (kind.equals("audio")) {
            return sendAudio(config);
        }
        String name =
                series != null ? series : file.getFileName().toString().replaceAll("\\.csv$", "");
        List<byte[]> readings;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            readings = CsvReadings.read(in, file.toString(), name);
        }
        if (readings.isEmpty()) {
            throw new HeedStreamsException(
                    file.toAbsolutePath()
                            + " holds no readings under its header; nothing was sent. Add rows"
                            + " under it, a timestamp and then the values, such as"
                            + " 2024-01-01T00:00:00Z,1.5");
        }
        String topic = config.getString(HeedKeys.TOPIC_SENSORS);
        Map<String, Object> props = HeedApp.producerProperties(config);
        props.putIfAbsent("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] key = name.getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            for (int i = 0; i < readings.size(); i++) {
                if (rate > 0) {
                    long due = t0 + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                producer.send(new ProducerRecord<>(topic, key, readings.get(i)));
            }
            producer.flush();
        }
        System.err.printf(
                "heed: sent %d readings of series '%s' to %s at %s%n",
                readings.size(), name, topic, config.getString("bootstrap.servers"));
        return 0;
    }

    private int sendAudio(HeedConfig config) throws Exception {
        if (chunkMs < 10 || chunkMs > 5000) {
            throw new HeedStreamsException("--chunk must be 10 to 5000 ms: " + chunkMs);
        }
        WavFile wav = WavFile.read(file);
        String id =
                stream != null ? stream : file.getFileName().toString().replaceAll("\\.wav$", "");
        String topic = config.getString(HeedKeys.TOPIC_AUDIO);
        Map<String, Object> props = HeedApp.producerProperties(config);
        props.putIfAbsent("acks", "all");
        props.putIfAbsent("linger.ms", 0);
        int chunks;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            chunks = AudioChunks.send(producer, topic, id, wav, chunkMs, realtime);
        }
        System.err.printf(
                "heed: sent %s (%.2f s at %d Hz) as %d chunks of stream '%s' to %s at %s%n",
                file,
                wav.seconds(),
                wav.sampleRate(),
                chunks,
                id,
                topic,
                config.getString("bootstrap.servers"));
        return 0;
    }
}
