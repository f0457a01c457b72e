package dev.heed.eval.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The demo's terminal view: for each shown prediction, a sparkline of the window's values and one
 * of its attention, with the top-k influential steps highlighted, then the forecast. Shows at most
 * one prediction per series every {@code everyMs}, so the view stays readable at any rate.
 */
final class LiveView {
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 32;

    private final PrintStream out;
    private final boolean color;
    private final long everyMs;
    private final Map<String, Long> lastShown = new HashMap<>();

    LiveView(PrintStream out, boolean color, long everyMs) {
        this.out = out;
        this.color = color;
        this.everyMs = everyMs;
    }

    /** Prints the prediction if its series is due; returns whether it printed. */
    boolean prediction(byte[] value, long nowMs) throws IOException {
        JsonNode p = JSON.readTree(value);
        String series = p.path("series").asText();
        Long last = lastShown.get(series);
        if (last != null && nowMs - last < everyMs) {
            return false;
        }
        lastShown.put(series, nowMs);
        JsonNode weights = p.path("attention").path("weights");
        int steps = weights.size();
        String var = p.path("variables").path(0).asText();
        float[] values = new float[steps];
        float[] w = new float[steps];
        Set<Integer> top = new HashSet<>();
        for (JsonNode t : p.path("top_steps")) {
            top.add(t.path("index").asInt());
        }
        for (int t = 0; t < steps; t++) {
            w[t] = (float) weights.get(t).asDouble();
        }
        fillValues(p, var, values);
        String end = p.path("window").path("end").asText().replace('T', ' ').replace("Z", "");
        JsonNode next = p.path("prediction").path("values").path(var);
        out.printf(
                "%-20s %s  values    %s  next %s -> %s (%d steps)%n",
                clip(series, 20),
                end.substring(0, Math.min(16, end.length())),
                spark(values, top, steps),
                fmt(next.path(0).asDouble()),
                fmt(next.path(next.size() - 1).asDouble()),
                next.size());
        StringBuilder tops = new StringBuilder();
        for (JsonNode t : p.path("top_steps")) {
            if (tops.length() > 0) {
                tops.append(" · ");
            }
            tops.append("t-")
                    .append(steps - 1 - t.path("index").asInt())
                    .append(' ')
                    .append(String.format("%.2f", t.path("weight").asDouble()));
        }
        out.printf(
                "%-20s %-16s  attention %s  top %s   %.1f ms ×%d%n",
                "",
                p.path("attention").path("method").asText(),
                spark(w, top, steps),
                tops,
                p.path("inference_ms").asDouble(),
                p.path("batch_size").asInt());
        return true;
    }

    /** One line per anomaly: when, how sure, observed vs expected, where the model looked. */
    void anomaly(byte[] value) throws java.io.IOException {
        JsonNode a = JSON.readTree(value);
        StringBuilder seen = new StringBuilder();
        a.path("observed")
                .fields()
                .forEachRemaining(
                        e ->
                                seen.append(
                                        String.format(
                                                java.util.Locale.ROOT,
                                                " %s %.4g (expected %.4g)",
                                                e.getKey(),
                                                e.getValue().asDouble(),
                                                a.path("expected").path(e.getKey()).asDouble())));
        StringBuilder top = new StringBuilder();
        int steps = a.path("window").path("steps").asInt();
        for (JsonNode t : a.path("top_steps")) {
            top.append(" t-").append(steps - 1 - t.path("index").asInt());
        }
        String head = "anomaly [" + a.path("series").asText() + "]";
        out.printf(
                java.util.Locale.ROOT,
                "%s at %s: likelihood %.6f%s%s; attention top%s%n",
                color ? "\u001b[31m" + head + "\u001b[0m" : head,
                a.path("ts").asText(),
                a.path("anomaly_likelihood").asDouble(),
                why(a),
                seen,
                top);
    }

    /**
     * What raised the alarm: a range break, a stuck run, else the novelty scores at or above the
     * threshold (the long context, the recent shape, the model's representation); empty when none
     * says.
     */
    static String why(JsonNode a) {
        if (a.path("range_break").asBoolean()) {
            return " (outside the range seen so far)";
        }
        JsonNode stuck = a.path("stuck_run");
        if (stuck.isObject()) {
            return " (stuck: "
                    + stuck.path("variable").asText("?")
                    + ", "
                    + stuck.path("readings").asInt()
                    + " identical readings since "
                    + stuck.path("since").asText()
                    + ")";
        }
        double threshold = a.path("threshold").asDouble(1);
        StringBuilder names = new StringBuilder();
        String[][] views = {
            {"long_context", "long context"},
            {"recent_shape", "recent shape"},
            {"representation", "model representation"}
        };
        for (String[] v : views) {
            if (a.path(v[0]).path("novelty_likelihood").asDouble(0) >= threshold) {
                names.append(names.length() == 0 ? "" : ", ").append(v[1]);
            }
        }
        return names.length() == 0 ? "" : " (new shape: " + names + ")";
    }

    /** One line per final transcript: the words, when each was heard, and how sure. */
    void transcript(byte[] value) throws java.io.IOException {
        JsonNode t = JSON.readTree(value);
        if (!t.path("final").asBoolean()) {
            return;
        }
        StringBuilder tokens = new StringBuilder();
        for (JsonNode k : t.path("tokens")) {
            tokens.append(
                    String.format(
                            java.util.Locale.ROOT,
                            " %s@%.2fs(%.2f, peak %.2fs)",
                            k.path("text").asText(),
                            k.path("start_ms").asLong() / 1000.0,
                            k.path("confidence").asDouble(),
                            k.path("attention").path("peak_ms").asLong() / 1000.0));
        }
        String head =
                "transcript ["
                        + t.path("stream").asText()
                        + " #"
                        + t.path("utterance").asInt()
                        + "]";
        out.printf(
                java.util.Locale.ROOT,
                "%s %.2f-%.2f s: \"%s\"  tokens%s  %.1f ms%n",
                color ? "\u001b[36m" + head + "\u001b[0m" : head,
                t.path("start_ms").asLong() / 1000.0,
                t.path("end_ms").asLong() / 1000.0,
                t.path("text").asText(),
                tokens,
                t.path("latency_ms").asDouble());
    }

    void deadLetter(String reason, String message) {
        out.printf(
                "%s %s%n",
                color
                        ? "\u001b[33mdead letter [" + reason + "]\u001b[0m"
                        : "dead letter [" + reason + "]",
                message);
    }

    private static void fillValues(JsonNode p, String var, float[] values) {
        JsonNode window = p.path("window").path("values").path(var);
        for (int t = 0; t < values.length; t++) {
            values[t] = (float) window.path(t).asDouble(Double.NaN);
        }
    }

    private String spark(float[] v, Set<Integer> top, int steps) {
        int per = Math.max(1, (steps + WIDTH - 1) / WIDTH);
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps; i += per) {
            float sum = 0;
            int n = 0;
            boolean hot = false;
            for (int t = i; t < Math.min(steps, i + per); t++) {
                if (!Float.isNaN(v[t])) {
                    sum += v[t];
                    n++;
                }
                hot |= top.contains(t);
            }
            char c =
                    n == 0
                            ? ' '
                            : BARS[
                                    hi > lo
                                            ? Math.min(
                                                    7, (int) ((sum / n - lo) / (hi - lo) * 7.999f))
                                            : 3];
            sb.append(hot && color ? "\u001b[1;31m" + c + "\u001b[0m" : hot ? mark(c) : c);
        }
        return sb.toString();
    }

    private static String mark(char c) {
        return c == '█' ? "▓" : "█";
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String fmt(double d) {
        return Math.abs(d) >= 1000 ? String.format("%.0f", d) : String.format("%.2f", d);
    }
}
