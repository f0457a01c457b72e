package dev.heed.streams.fuzz;

import static dev.heed.streams.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.RouteCounters;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.transcription.AudioTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * 100,000 hostile audio chunks (1,000 tries of 100, property-based) through the real audio topology
 * and the shipped speech model in one {@link TopologyTestDriver}, with the chunks of three good
 * streams of a shipped recording interleaved: every hostile chunk lands in the dead-letter topic
 * with one of the reasons its generator expects, nothing throws, every run of every good stream is
 * transcribed "two zero four eight", and the state holds the good streams only.
 */
class AudioFuzzTest {
    static final int TRIES = 1_000;
    static final int PER_TRY = 100;
    private static final String SAID = "two zero four eight";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SpeechModel model;
    private static Path stateDir;
    private static TopologyTestDriver driver;
    private static TestInputTopic<byte[], byte[]> in;
    private static TestOutputTopic<byte[], byte[]> transcripts;
    private static TestOutputTopic<byte[], byte[]> dlq;
    private static RouteCounters counters;
    private static List<GoodStream> good;
    private static final Map<String, List<String>> FINALS = new HashMap<>();
    private static final Map<String, Integer> KINDS = new TreeMap<>();
    private static int goodChunks;
    private static int runs;
    private static int maxStateBytes;

    @BeforeContainer
    static void start() throws Exception {
        model = Fixtures.speechModel();
        HeedConfig config = HeedConfig.of(Map.of("bootstrap.servers", "unused:9092"));
        stateDir = Files.createTempDirectory("heed-audio-fuzz-");
        Properties props = new Properties();
        props.putAll(HeedApp.streamsProperties(config));
        props.put("state.dir", stateDir.toString());
        counters = new RouteCounters();
        driver =
                new TopologyTestDriver(
                        AudioTopology.addTo(new Topology(), config, model, counters), props);
        in =
                driver.createInputTopic(
                        "heed.audio", new ByteArraySerializer(), new ByteArraySerializer());
        transcripts =
                driver.createOutputTopic(
                        "heed.transcripts",
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        dlq =
                driver.createOutputTopic(
                        "heed.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
        good = GoodStream.ofDigits();
        for (GoodStream g : good) {
            FINALS.put(g.id(), new ArrayList<>());
            while (g.sent() <= g.chunks()) {
                pipeGood(g);
            }
        }
    }

    @Provide
    Arbitrary<List<Hostile>> batches() {
        int processed = good.stream().mapToInt(GoodStream::chunks).min().orElseThrow();
        return new HostileAudioRecords(
                        HeedConfig.of(Map.of()).getPositiveInt(HeedKeys.AUDIO_MAX_CHUNK_BYTES),
                        good.stream().map(GoodStream::id).toList(),
                        processed - 1)
                .records()
                .list()
                .ofSize(PER_TRY);
    }

    /** Edge cases off: mixed in, they made half of the records the first generator's. */
    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void shouldDeadLetterEveryHostileChunkAndTranscribeEveryGoodRun(
            @ForAll("batches") List<Hostile> batch) {
        int every = PER_TRY / good.size();
        for (int i = 0; i < batch.size(); i++) {
            Hostile h = batch.get(i);
            in.pipeInput(new TestRecord<>(h.key(), h.value(), new RecordHeaders(h.headers())));
            KINDS.merge(h.kind(), 1, Integer::sum);
            if (i % every == 0 && i / every < good.size()) {
                pipeGood(good.get(i / every));
            }
        }
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).as("one dead letter per hostile chunk").hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Hostile h = batch.get(i);
            TestRecord<byte[], byte[]> d = dead.get(i);
            assertThat(d.value()).as(h.kind()).isEqualTo(h.value());
            assertThat(header(d, "heed.dlq.reason")).as("%s", h).isIn(h.reasons());
            assertThat(header(d, "heed.dlq.message")).as(h.kind()).isNotBlank();
            assertThat(header(d, "heed.dlq.source.topic")).isEqualTo("heed.audio");
        }
        drainTranscripts();
        assertThat(streamsWithState())
                .as("state of the good streams only")
                .containsExactlyInAnyOrderElementsOf(good.stream().map(GoodStream::id).toList());
    }

    @AfterContainer
    static void report() throws Exception {
        long hostile = KINDS.values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf(
                "audio fuzz: %d hostile chunks, %d dead letters %s; %d good chunks of %d"
                        + " streams, %d runs transcribed '%s', %d transcripts; %d chunks in; largest stream"
                        + " state %d bytes; by kind %s%n",
                hostile,
                counters.deadLetters(),
                counters.deadLettersByReason(),
                goodChunks,
                good.size(),
                runs,
                SAID,
                counters.transcripts(),
                counters.chunksIn(),
                maxStateBytes,
                KINDS);
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(hostile).isEqualTo((long) TRIES * PER_TRY);
        assertThat(counters.deadLetters()).isEqualTo(hostile);
        assertThat(counters.chunksIn()).isEqualTo(hostile + goodChunks);
        assertThat(runs).isGreaterThanOrEqualTo(TRIES * good.size() / good.get(0).chunks());
    }

    /**
     * Sends a good stream's next chunk; after the last chunk of a run (heed.end) its final
     * transcripts must say {@link #SAID}, and the next run starts at once, numbered on.
     */
    private static void pipeGood(GoodStream g) {
        TestRecord<byte[], byte[]> r = g.next();
        in.pipeInput(r);
        goodChunks++;
        if (r.headers().lastHeader("heed.end") != null) {
            drainTranscripts();
            assertThat(String.join(" ", FINALS.get(g.id())))
                    .as("run of %s", g.id())
                    .isEqualTo(SAID);
            FINALS.get(g.id()).clear();
            runs++;
            pipeGood(g);
        }
    }

    private static void drainTranscripts() {
        for (TestRecord<byte[], byte[]> r : transcripts.readRecordsToList()) {
            String stream = new String(r.key(), StandardCharsets.UTF_8);
            assertThat(FINALS).as("transcripts of good streams only").containsKey(stream);
            try {
                JsonNode t = JSON.readTree(r.value());
                String text = t.get("text").asText();
                if (t.get("final").asBoolean() && !text.isEmpty()) {
                    FINALS.get(stream).add(text);
                }
            } catch (java.io.IOException e) {
                throw new AssertionError("transcript is not JSON", e);
            }
        }
    }

    private static List<String> streamsWithState() {
        KeyValueStore<String, byte[]> kv = driver.getKeyValueStore("heed-audio");
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = kv.all()) {
            it.forEachRemaining(
                    e -> {
                        ids.add(e.key);
                        maxStateBytes = Math.max(maxStateBytes, e.value.length);
                    });
        }
        return ids;
    }
}
