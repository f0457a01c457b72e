package dev.heed.streams;

import dev.heed.streams.app.HeedApp;
import dev.heed.streams.sensors.SensorTopology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The topology the app runs, in a {@link TopologyTestDriver}, with its topics. */
public final class TopologyHarness implements AutoCloseable {
    public final TopologyTestDriver driver;
    public final TestInputTopic<byte[], byte[]> in;
    public final TestOutputTopic<byte[], byte[]> predictions;
    public final TestOutputTopic<byte[], byte[]> dlq;
    public final TestOutputTopic<byte[], byte[]> anomalies;
    public final RouteCounters counters = new RouteCounters();

    public TopologyHarness(HeedConfig config, Path stateDir) {
        this(config, stateDir, ModelSource.of(Fixtures.model()));
    }

    public TopologyHarness(HeedConfig config, Path stateDir, ModelSource models) {
        Properties props = new Properties();
        props.putAll(
                HeedApp.streamsProperties(
                        config.with("bootstrap.servers", "unused:9092"), counters));
        props.put("state.dir", stateDir.toString());
        driver = new TopologyTestDriver(SensorTopology.build(config, models, counters), props);
        in =
                driver.createInputTopic(
                        config.getString(HeedKeys.TOPIC_SENSORS),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        predictions =
                driver.createOutputTopic(
                        config.getString(HeedKeys.TOPIC_PREDICTIONS),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        dlq =
                driver.createOutputTopic(
                        config.getString(HeedKeys.TOPIC_DLQ),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        anomalies =
                driver.createOutputTopic(
                        config.getString(HeedKeys.TOPIC_ANOMALIES),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
    }

    /** The keys in the state store {@code store}, in the store's order. */
    public List<String> storeKeys(String store) {
        KeyValueStore<String, byte[]> s = driver.getKeyValueStore(store);
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = s.all()) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    @Override
    public void close() {
        driver.close();
    }
}
