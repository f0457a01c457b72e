package dev.heed.streams.kafka;

import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running inside this
 * JVM and listening on 127.0.0.1. Storage is formatted on first start and reused afterwards.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dir;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
    }

    /**
     * Formats {@code dir} if needed and starts the broker.
     *
     * @param port the client port, or 0 for any free port
     */
    public static EmbeddedKafka start(Path dir, int port) {
        long t0 = System.nanoTime();
        int clientPort = port == 0 ? freePort() : checkFree(port);
        int controllerPort = freePort();
        String logDir = dir.toAbsolutePath().resolve("log").toString();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new HeedStreamsException(
                    "cannot create embedded broker directory "
                            + dir
                            + ": "
                            + e.getMessage()
                            + "; set embedded.dir to a writable folder",
                    e);
        }
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                        + clientPort
                        + ",CONTROLLER://127.0.0.1:"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir);
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        KafkaConfig config = KafkaConfig.fromProps(p, false);
        format(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + clientPort;
        LOG.info(
                "embedded Kafka broker on {} (data {}) started in {} ms",
                bootstrap,
                dir,
                (System.nanoTime() - t0) / 1_000_000);
        return new EmbeddedKafka(server, bootstrap, dir);
    }

    /**
     * Formats {@code logDir} on first start. Storage formatted before keeps its cluster id: Kafka
     * refuses a formatter whose id differs from the one in {@code meta.properties}, even when told
     * to leave formatted storage alone, so a restart must give the same one.
     */
    private static void format(String logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(clusterId(Path.of(logDir, "meta.properties")))
                    .addDirectory(logDir)
                    .setMetadataLogDirectory(logDir)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new HeedStreamsException(
                    "cannot format embedded broker storage in "
                            + logDir
                            + ": "
                            + e.getMessage()
                            + "; delete the folder or set embedded.dir to another one",
                    e);
        }
    }

    /** The cluster id {@code meta} records, or a new one when there is no such file yet. */
    private static String clusterId(Path meta) throws IOException {
        if (!Files.isRegularFile(meta)) {
            return Uuid.randomUuid().toString();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        }
        String id = p.getProperty("cluster.id");
        return id == null || id.isBlank() ? Uuid.randomUuid().toString() : id;
    }

    private static int checkFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new HeedStreamsException(
                    "port "
                            + port
                            + " on 127.0.0.1 is taken, so the embedded broker cannot listen there; "
                            + "stop what uses it, set embedded.port to another port (0 for any free one), "
                            + "or point bootstrap.servers at your cluster");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new HeedStreamsException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
