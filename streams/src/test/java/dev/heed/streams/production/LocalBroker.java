package dev.heed.streams.production;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker process run by {@code deploy/local-broker.sh}, on free ports in its own folder.
 */
final class LocalBroker implements AutoCloseable {
    static final Path SCRIPT = Path.of("../deploy/local-broker.sh").toAbsolutePath();

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final int proxiedPort;
    private final int proxyPort;

    LocalBroker(Path dir) throws IOException {
        this(dir, false);
    }

    /**
     * @param proxied also listen on a second port whose clients are told to connect through a proxy
     *     on {@link #proxyPort()} (see {@link TcpProxy})
     */
    LocalBroker(Path dir, boolean proxied) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.controllerPort = freePort();
        this.proxiedPort = proxied ? freePort() : -1;
        this.proxyPort = proxied ? freePort() : -1;
    }

    /** The listener behind the proxy. */
    int proxiedPort() {
        return proxiedPort;
    }

    /** Where the proxied listener's clients connect (the proxy listens there). */
    int proxyPort() {
        return proxyPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Runs the script; returns its exit code, its output in {@code out[0]}. */
    int run(String command, String[] out) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(SCRIPT.toString(), command).redirectErrorStream(true);
        pb.environment().put("HEED_BROKER_DIR", dir.toString());
        pb.environment().put("HEED_BROKER_PORT", Integer.toString(port));
        pb.environment().put("HEED_BROKER_CONTROLLER_PORT", Integer.toString(controllerPort));
        if (proxiedPort > 0) {
            pb.environment().put("HEED_BROKER_PROXIED_PORT", Integer.toString(proxiedPort));
            pb.environment().put("HEED_BROKER_PROXY_PORT", Integer.toString(proxyPort));
        }
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("local-broker.sh " + command + " hung: " + text);
        }
        if (out != null) {
            out[0] = text;
        }
        return p.exitValue();
    }

    void start() throws IOException, InterruptedException {
        String[] out = new String[1];
        int rc = run("start", out);
        if (rc != 0) {
            throw new IllegalStateException("local-broker.sh start failed (" + rc + "): " + out[0]);
        }
    }

    void stop() throws IOException, InterruptedException {
        run("stop", null);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
