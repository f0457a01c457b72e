package dev.heed.streams.web.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * {@code /events}: Server-Sent Events from the {@link LiveState} log, starting after the sequence
 * number in {@code Last-Event-ID} or {@code ?after=N}. Each event is {@code id: seq}, {@code event:
 * prediction|anomaly|transcript}, {@code data: json}. A comment is sent every 15 s of quiet so a
 * closed connection is noticed. At most {@code MAX_STREAMS} streams at once; each holds one server
 * thread. A client that falls behind the log's bounds skips what was dropped.
 */
final class EventStream {
    static final int MAX_STREAMS = 16;
    private static final long QUIET_MS = 15_000;

    private final LiveState state;
    private final Semaphore slots = new Semaphore(MAX_STREAMS);
    private volatile boolean open = true;

    EventStream(LiveState state) {
        this.state = state;
    }

    int active() {
        return MAX_STREAMS - slots.availablePermits();
    }

    void close() {
        open = false;
    }

    Routes.Handler handler() {
        return ex -> {
            if (!slots.tryAcquire()) {
                Routes.send(
                        ex,
                        503,
                        "text/plain",
                        "too many live streams (" + MAX_STREAMS + "); close another dashboard tab");
                return;
            }
            try {
                stream(ex, start(ex));
            } finally {
                slots.release();
            }
        };
    }

    private long start(HttpExchange ex) {
        String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
        String query = ex.getRequestURI().getRawQuery();
        if (last == null && query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith("after=")) {
                    last = kv.substring(6);
                }
            }
        }
        try {
            return last == null ? state.seq() : Long.parseLong(last.trim());
        } catch (NumberFormatException e) {
            return state.seq();
        }
    }

    private void stream(HttpExchange ex, long after) throws IOException, InterruptedException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(": heed\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (open) {
                StringBuilder b = new StringBuilder();
                for (LiveState.Event e : state.await(after, QUIET_MS)) {
                    b.append("id: ")
                            .append(e.seq())
                            .append("\nevent: ")
                            .append(e.type())
                            .append("\ndata: ")
                            .append(e.json())
                            .append("\n\n");
                    after = e.seq();
                }
                out.write(
                        (b.length() == 0 ? ": quiet\n\n" : b.toString())
                                .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }
}
