package dev.heed.streams.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code heed run} as a real operating-system process: the packaged runtime {@code
 * target/heed-run.jar} (built by the package phase before Failsafe runs), started with the
 * launcher's JVM flags, its output in a log file. Killed with SIGKILL or stopped with SIGTERM like
 * any deployment would.
 */
final class HeedProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/heed-run.jar").toAbsolutePath();
    static final Path MODEL = Path.of("../models/shipped/sensor-default").toAbsolutePath();

    private final Process process;
    private final Path log;

    private HeedProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code heed run --bootstrap-servers BOOTSTRAP --set k=v...}.
     *
     * @param heap the JVM's {@code -Xmx}, such as {@code 512m}
     */
    static HeedProcess start(String bootstrap, Map<String, String> settings, String heap, Path log)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run mvn package first");
        }
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx" + heap,
                                "-Dheed.home=" + Path.of("..").toAbsolutePath().normalize(),
                                "-Dai.djl.offline=true",
                                "-Dai.djl.pytorch.num_threads=1",
                                "-Dai.djl.pytorch.num_interop_threads=1",
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                JAR.toString(),
                                "run",
                                "--bootstrap-servers",
                                bootstrap,
                                "--set",
                                "model.dir=" + MODEL));
        flightRecording(log).ifPresent(jfr -> cmd.add(1, jfr));
        settings.forEach(
                (k, v) -> {
                    cmd.add("--set");
                    cmd.add(k + "=" + v);
                });
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("HEED_LOG_LEVEL", "INFO");
        return new HeedProcess(pb.start(), log);
    }

    /**
     * With {@code HEED_FAULT_JFR=DIR}, a flight recording of the process (JFR, profiling settings),
     * written to {@code DIR/<log name>.jfr} only if the process exits by itself: {@link #close} and
     * the tests' kills use SIGKILL, so dump a running one with {@code jcmd PID JFR.dump name=1
     * filename=FILE} (a loop every few seconds keeps the last one). How the failover slowdown of
     * 2026-12-04 was found (README, Running in production).
     */
    private static Optional<String> flightRecording(Path log) {
        String dir = System.getenv("HEED_FAULT_JFR");
        return dir == null || dir.isBlank()
                ? Optional.empty()
                : Optional.of(
                        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                + Path.of(dir).resolve(log.getFileName() + ".jfr"));
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then waits for the shutdown hook to finish.
     *
     * @return the exit code, or -1 if the process did not stop in time (it is then killed)
     */
    int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        kill9();
        return -1;
    }

    /**
     * Waits until {@code /health/ready} on {@code port} answers 200 (Kafka Streams RUNNING: stores
     * restored, tasks assigned).
     */
    void awaitReady(int port, java.time.Duration timeout) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest ready =
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(java.time.Duration.ofSeconds(2))
                        .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && alive()) {
            try {
                if (http.send(ready, java.net.http.HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "heed run not ready within " + timeout + " (alive " + alive() + "):\n" + logTail());
    }

    /** Lines of this process's log that contain {@code text}. */
    List<String> logLines(String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList();
    }

    /** The state records this process's log says it restored (RestoreLog: "...: N records"). */
    long restoredRecords() throws IOException {
        long total = 0;
        for (String line : logLines("restored store")) {
            total += Long.parseLong(line.replaceAll(".*: (\\d+) records$", "$1"));
        }
        return total;
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A line of {@code /proc/PID/status} in kB, such as {@code VmHWM} (peak RSS). */
    long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
