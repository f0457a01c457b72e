package dev.heed.models.bench;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.models.AttentionMethod;
import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.Forecaster;
import dev.heed.models.forecasting.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a forecaster's time goes, operator by operator: PyTorch's own profiler (through DJL) around
 * {@code calls} calls of {@link Forecaster#forecast} at one batch size, after a warm-up; prints
 * each operator's self time per call, largest first, and the wall time per call (the difference is
 * Java: packing, unpacking, attention summaries).
 *
 * <pre>
 * mvn -B -q -pl models test-compile
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp models/target/test-classes:models/target/classes:$(cat models/target/test.cp) \
 *   dev.heed.models.bench.OperatorProfile models/shipped/sensor-default 256
 * </pre>
 */
public final class OperatorProfile {
    private OperatorProfile() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "models/shipped/sensor-default");
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path trace = Files.createTempFile("heed-profile", ".json");
        try (ForecastModel model = ModelLoader.load(dir, DeviceChoice.CPU);
                Forecaster f = model.newForecaster()) {
            List<float[][]> windows = ForwardBenchmark.windows(model.descriptor(), batch);
            for (int i = 0; i < 50; i++) {
                f.forecast(windows, AttentionMethod.ROLLOUT);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                f.forecast(windows, AttentionMethod.ROLLOUT);
            }
            double wallMs = (System.nanoTime() - t0) / 1e6 / calls;
            JniUtils.startProfile(false, false, false);
            for (int i = 0; i < calls; i++) {
                f.forecast(windows, AttentionMethod.ROLLOUT);
            }
            JniUtils.stopProfile(trace.toString());
            System.out.printf(
                    Locale.ROOT, "%s, batch %d: %.3f ms per call unprofiled%n", dir, batch, wallMs);
            print(selfTimes(trace), calls);
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /** Self time (own duration less that of the operators it called) per operator, in us. */
    static Map<String, double[]> selfTimes(Path trace) throws Exception {
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        Map<String, List<JsonNode>> byThread = new HashMap<>();
        for (JsonNode e : events) {
            if ("X".equals(e.path("ph").asText())) {
                byThread.computeIfAbsent(e.path("tid").asText(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, double[]> self = new HashMap<>(); // name -> {self us, count}
        for (List<JsonNode> list : byThread.values()) {
            list.sort(
                    (a, b) ->
                            a.path("ts").asDouble() != b.path("ts").asDouble()
                                    ? Double.compare(
                                            a.path("ts").asDouble(), b.path("ts").asDouble())
                                    : Double.compare(
                                            b.path("dur").asDouble(), a.path("dur").asDouble()));
            Deque<JsonNode> stack = new ArrayDeque<>();
            for (JsonNode e : list) {
                double ts = e.path("ts").asDouble();
                while (!stack.isEmpty()
                        && stack.peek().path("ts").asDouble() + stack.peek().path("dur").asDouble()
                                <= ts) {
                    stack.pop();
                }
                double dur = e.path("dur").asDouble();
                if (!stack.isEmpty()) {
                    self.computeIfAbsent(stack.peek().path("name").asText(), k -> new double[2])[
                                    0] -=
                            dur;
                }
                double[] s = self.computeIfAbsent(e.path("name").asText(), k -> new double[2]);
                s[0] += dur;
                s[1]++;
                stack.push(e);
            }
        }
        return self;
    }

    private static void print(Map<String, double[]> self, int calls) {
        double total = self.values().stream().mapToDouble(s -> s[0]).sum() / calls / 1000;
        System.out.printf(
                Locale.ROOT, "%-28s %12s %8s %7s%n", "operator", "ms per call", "share", "calls");
        self.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .limit(15)
                .forEach(
                        e ->
                                System.out.printf(
                                        Locale.ROOT,
                                        "%-28s %12.3f %7.1f%% %7.0f%n",
                                        e.getKey(),
                                        e.getValue()[0] / calls / 1000,
                                        100 * e.getValue()[0] / calls / 1000 / total,
                                        e.getValue()[1] / calls));
        System.out.printf(Locale.ROOT, "%-28s %12.3f%n", "all operators", total);
    }
}
