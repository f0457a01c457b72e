package dev.heed.streams.web.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows, bounded: the latest predictions per series (at most {@code seriesMax}
 * series), the latest anomalies and transcripts, and a log of recent events for Server-Sent Events
 * with sequence numbers. A new page loads {@link #snapshotJson()} and then follows the log from the
 * snapshot's sequence number. Values are compact JSON strings. Thread-safe.
 */
public final class LiveState {
    static final int PER_SERIES = 32;
    static final int ANOMALIES = 100;
    static final int TRANSCRIPTS = 40;
    static final int LOG_EVENTS = 2048;
    static final long LOG_CHARS = 16L << 20;

    /** One pushed update: {@code type} is prediction, anomaly or transcript. */
    public record Event(long seq, String type, String json) {}

    private final int seriesMax;
    private final Map<String, ArrayDeque<String>> predictions = new LinkedHashMap<>();
    private final ArrayDeque<String> anomalies = new ArrayDeque<>();
    private final Map<String, String> transcripts = new LinkedHashMap<>();
    private final ArrayDeque<Event> log = new ArrayDeque<>();
    private long logChars;
    private long seq;
    private String feed = "{\"state\":\"starting\",\"detail\":\"\"}";

    public LiveState(int seriesMax) {
        this.seriesMax = seriesMax;
    }

    /** Adds a prediction; false (and dropped) when {@code seriesMax} other series are kept. */
    public synchronized boolean prediction(String series, String json) {
        ArrayDeque<String> q = predictions.get(series);
        if (q == null) {
            if (predictions.size() >= seriesMax) {
                return false;
            }
            q = new ArrayDeque<>();
            predictions.put(series, q);
        }
        q.addLast(json);
        if (q.size() > PER_SERIES) {
            q.removeFirst();
        }
        append("prediction", json);
        return true;
    }

    public synchronized void anomaly(String json) {
        anomalies.addLast(json);
        if (anomalies.size() > ANOMALIES) {
            anomalies.removeFirst();
        }
        append("anomaly", json);
    }

    /** Adds or replaces (a partial by the next partial or the final) an utterance. */
    public synchronized void transcript(String stream, long utterance, String json) {
        transcripts.put(stream + "\u0000" + utterance, json);
        Iterator<String> it = transcripts.keySet().iterator();
        while (transcripts.size() > TRANSCRIPTS) {
            it.next();
            it.remove();
        }
        append("transcript", json);
    }

    /**
     * The feed's state ({@code reading}, or {@code retrying} with what went wrong), pushed as a
     * {@code feed} event when it changes.
     */
    public synchronized void feed(String state, String detail) {
        String json = "{\"state\":" + Json.quote(state) + ",\"detail\":" + Json.quote(detail) + "}";
        if (!json.equals(feed)) {
            feed = json;
            append("feed", json);
        }
    }

    /**
     * {@code {"seq":N,"feed":{state,detail},"predictions":{series:[...]},"anomalies":[...],
     * "transcripts":[...]}}.
     */
    public synchronized String snapshotJson() {
        StringBuilder b =
                new StringBuilder("{\"seq\":")
                        .append(seq)
                        .append(",\"feed\":")
                        .append(feed)
                        .append(",\"predictions\":{");
        String sep = "";
        for (Map.Entry<String, ArrayDeque<String>> e : predictions.entrySet()) {
            b.append(sep).append(Json.quote(e.getKey())).append(':');
            array(b, e.getValue());
            sep = ",";
        }
        b.append("},\"anomalies\":");
        array(b, anomalies);
        b.append(",\"transcripts\":");
        array(b, transcripts.values());
        return b.append('}').toString();
    }

    /** Events after {@code after}, waiting up to {@code timeoutMs} for one; empty on timeout. */
    public synchronized List<Event> await(long after, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (seq <= after) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
        List<Event> out = new ArrayList<>();
        for (Event e : log) {
            if (e.seq() > after) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long seq() {
        return seq;
    }

    private void append(String type, String json) {
        log.addLast(new Event(++seq, type, json));
        logChars += json.length();
        while (log.size() > LOG_EVENTS || logChars > LOG_CHARS && log.size() > 1) {
            logChars -= log.removeFirst().json().length();
        }
        notifyAll();
    }

    private static void array(StringBuilder b, Iterable<String> items) {
        b.append('[');
        String sep = "";
        for (String s : items) {
            b.append(sep).append(s);
            sep = ",";
        }
        b.append(']');
    }
}
