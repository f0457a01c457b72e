package dev.heed.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.audio.FeatureConfig;
import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.eval.internal.TempDirs;
import dev.heed.eval.speech.Recognize;
import dev.heed.eval.speech.Recognizer;
import dev.heed.eval.speech.SpeechEvaluation;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.SpeechSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.cli.AudioChunks;
import dev.heed.streams.transcription.SpeechFeatures;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The audio path end to end: {@code S} streams at once, each the shipped four-digit recording sent
 * in real time in 100 ms chunks (a chunk leaves when its audio has been "recorded"), through the
 * broker and the audio topology; a read_committed consumer times each final transcript against the
 * end of the spoken word ({@code delay = received - (stream start + end of speech)}, the end of
 * speech read from the recording's digital silence, {@link #speechEnds}). CPU per audio second over
 * the run is the real-time factor per core, Kafka included.
 */
public final class AudioBench {
    static final String RECORDING = "/demo/audio/digits_2048_lucas.wav";
    static final String EXPECTED = "two zero four eight";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AudioBench() {}

    /**
     * Runs every level.
     *
     * @param warmupRounds rounds of the largest level sent first and not measured, so that the JIT
     *     compiler's start-up work (about as much CPU as the audio itself in the first minute) is
     *     not counted as the steady cost of a stream
     */
    public static void run(
            List<Integer> levels, int rounds, int warmupRounds, HeedConfig base, PrintStream out)
            throws Exception {
        WavFile wav;
        try (InputStream in = AudioBench.class.getResourceAsStream(RECORDING)) {
            wav = WavFile.parse(in.readAllBytes(), RECORDING);
        }
        Path work = Files.createTempDirectory("heed-bench-audio");
        HeedConfig config =
                base.with("state.dir", work.resolve("streams").toString())
                        .with(HeedKeys.EMBEDDED_DIR, work.resolve("kafka").toString())
                        .with(HeedKeys.EMBEDDED_PORT, "0")
                        .with("application.id", "heed-bench-audio");
        List<AudioRow> rows = new ArrayList<>();
        try {
            runLevels(levels, rounds, warmupRounds, config, wav, rows, out);
        } finally {
            TempDirs.deleteTree(work);
        }
    }

    /**
     * Heed's model alone and every peer recogniser on the classpath ({@link Recognizer}, such as
     * Vosk from bench-vosk) on the same recording, one thread: CPU seconds per audio second.
     */
    private static void peers(SpeechModel speech, WavFile wav, PrintStream out) {
        FeatureConfig features = SpeechFeatures.of(speech.descriptor());
        float[] x =
                wav.sampleRate() == features.sampleRate()
                        ? wav.samples()
                        : Resampler.resample(
                                wav.samples(), wav.sampleRate(), features.sampleRate());
        out.println("Beside it, the same recording recognised whole on one thread (no Kafka):");
        Recognize heed = SpeechEvaluation.heedFirst(speech.newTranscriber(), features);
        alone(
                "Heed " + speech.descriptor().name() + " (features + network)",
                s -> heed.words(null, s),
                x,
                features.sampleRate(),
                out);
        boolean any = false;
        for (Recognizer r : ServiceLoader.load(Recognizer.class)) {
            try (r) {
                alone(
                        r.description(),
                        s -> r.recognize(s, features.sampleRate()),
                        x,
                        features.sampleRate(),
                        out);
                any = true;
            }
        }
        if (!any) {
            out.println(
                    "  Vosk: not on this classpath; build it (mvn -B -Pvosk -DskipTests package)"
                            + " and run bench-vosk/heed-vosk bench audio ... to print it here");
        }
    }

    private static void alone(
            String name,
            Function<float[], String> recognize,
            float[] x,
            int rate,
            PrintStream out) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String text = recognize.apply(x); // warm-up
        int runs = 5;
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            text = recognize.apply(x);
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out.printf(
                Locale.ROOT,
                "  %-60s RTF %.4f (\"%s\")%n",
                name,
                cpu / (runs * (double) x.length / rate),
                text);
    }

    private static void runLevels(
            List<Integer> levels,
            int rounds,
            int warmupRounds,
            HeedConfig config,
            WavFile wav,
            List<AudioRow> rows,
            PrintStream out)
            throws Exception {
        SpeechModel speech = HeedApp.loadSpeech(config);
        // the source closes the speech model and a later one the topology attaches to it
        try (SpeechSource source = speech == null ? null : SpeechSource.of(speech);
                ModelSource models = ModelSource.of(HeedApp.loadModel(config));
                HeedApp app = HeedApp.start(config, models, source, new RouteCounters())) {
            if (speech == null) {
                throw new HeedStreamsException(
                        "heed bench audio needs a speech model: set"
                                + " speech.model.dir, or run from the Heed folder with models/shipped/speech-digits");
            }
            app.awaitRunning(Duration.ofSeconds(60));
            out.printf(
                    Locale.ROOT,
                    "heed bench audio: model %s, %s (%.2f s, \"%s\"), 100 ms chunks in"
                            + " real time, %d round(s) per stream; %s%n",
                    speech.descriptor().name(),
                    RECORDING,
                    wav.seconds(),
                    EXPECTED,
                    rounds,
                    app.config().getString("processing.guarantee"));
            if (warmupRounds > 0) {
                int most = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
                out.printf(
                        Locale.ROOT,
                        "warm-up: %d streams x %d round(s), not measured%n",
                        most,
                        warmupRounds);
                level(app.config(), wav, most, warmupRounds, "warmup-");
            }
            for (int s : levels) {
                rows.add(level(app.config(), wav, s, rounds, "bench-"));
            }
            AudioRow.print(rows, out);
            peers(speech, wav, out);
        }
    }

    private static AudioRow level(
            HeedConfig config, WavFile wav, int streams, int rounds, String tag) throws Exception {
        String prefix = tag + streams + "-";
        long[] speechEnds = speechEnds(wav);
        String appId = config.getString("application.id");
        Map<String, Long> startMs = new ConcurrentHashMap<>();
        Map<String, StringBuilder> texts = new ConcurrentHashMap<>();
        List<Long> delays = new ArrayList<>();
        Map<String, Object> cprops = HeedApp.consumerProperties(config);
        cprops.put("isolation.level", "read_committed");
        cprops.put("group.id", "audio-bench-reader-" + streams + "-" + System.nanoTime());
        cprops.put("auto.offset.reset", "latest");
        long jit0 = jitMillis();
        ProcessMemory.resetPeak();
        CpuSplit split = CpuSplit.start(appId);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        cprops, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.getString(HeedKeys.TOPIC_TRANSCRIPTS)));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            List<Thread> senders = new ArrayList<>();
            Map<String, Object> pprops = HeedApp.producerProperties(config);
            pprops.put("linger.ms", 0);
            for (int i = 0; i < streams; i++) {
                int n = i;
                Thread t = new Thread(() -> send(config, pprops, prefix + n, wav, rounds, startMs));
                senders.add(t);
                t.start();
            }
            int expectedFinals = streams * rounds * EXPECTED.split(" ").length;
            long deadline =
                    System.nanoTime()
                            + (long) ((wav.seconds() + 2) * rounds * 1e9)
                            + 30_000_000_000L;
            int finals = 0;
            while (finals < expectedFinals && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    JsonNode t = JSON.readTree(r.value());
                    String stream = t.path("stream").asText();
                    if (!stream.startsWith(prefix) || !t.path("final").asBoolean()) {
                        continue;
                    }
                    finals++;
                    JsonNode tokens = t.path("tokens");
                    Long start = startMs.get(stream);
                    if (start != null && tokens.size() > 0) {
                        long said = tokens.get(tokens.size() - 1).path("end_ms").asLong();
                        delays.add(now - (start + speechEndAfter(speechEnds, said)));
                    }
                    texts.computeIfAbsent(stream, k -> new StringBuilder())
                            .append(' ')
                            .append(t.path("text").asText());
                }
            }
            for (Thread t : senders) {
                t.join();
            }
        }
        CpuSplit.Cores cpu = split.stop();
        double cpuSeconds = cpu.total() * split.seconds();
        double appSeconds = cpu.heed() * split.seconds();
        double jitSeconds = (jitMillis() - jit0) / 1e3;
        double audio = streams * rounds * wav.seconds();
        long[] d = delays.stream().mapToLong(Long::longValue).toArray();
        int correct = 0;
        for (StringBuilder sb : texts.values()) {
            correct +=
                    sb.toString()
                                    .trim()
                                    .replaceAll("\\s+", " ")
                                    .equals(
                                            String.join(
                                                    " ",
                                                    java.util.Collections.nCopies(
                                                            rounds, EXPECTED)))
                            ? 1
                            : 0;
        }
        return new AudioRow(
                streams,
                audio,
                d.length,
                correct,
                Stats.percentile(d, d.length, 50),
                Stats.percentile(d, d.length, 99),
                d.length == 0 ? Double.NaN : java.util.Arrays.stream(d).max().getAsLong(),
                cpuSeconds / audio,
                jitSeconds / audio,
                appSeconds / audio,
                ProcessMemory.peakRssKib());
    }

    private static void send(
            HeedConfig config,
            Map<String, Object> props,
            String stream,
            WavFile wav,
            int rounds,
            Map<String, Long> startMs) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int r = 0; r < rounds; r++) {
                startMs.put(stream, System.currentTimeMillis());
                AudioChunks.send(
                        producer, config.getString(HeedKeys.TOPIC_AUDIO), stream, wav, 100, true);
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Where speech ends in the recording, in ms: the starts of its runs of digital silence (exact
     * zeros, at least 200 ms) that follow sound. The joined recording is trimmed FSDD clips with
     * digital silence between them, so these are the ends of the spoken digits, known without any
     * detector.
     */
    static long[] speechEnds(WavFile wav) {
        float[] x = wav.samples();
        int minRun = wav.sampleRate() / 5;
        List<Long> ends = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            if (x[i] != 0f) {
                i++;
                continue;
            }
            int j = i;
            while (j < x.length && x[j] == 0f) {
                j++;
            }
            if (i > 0 && j - i >= minRun) {
                ends.add(Math.round(i * 1000.0 / wav.sampleRate()));
            }
            i = j;
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The end of the spoken word a final's last token belongs to: the first end of speech at or
     * after the token's end (less 150 ms of slack, as a CTC token may be placed late), else the
     * last one.
     */
    static long speechEndAfter(long[] ends, long tokenEndMs) {
        for (long e : ends) {
            if (e >= tokenEndMs - 150) {
                return e;
            }
        }
        return ends.length == 0 ? tokenEndMs : ends[ends.length - 1];
    }

    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit.getTotalCompilationTime()
                : 0;
    }
}
