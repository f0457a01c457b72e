package dev.heed.streams.web.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

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

    Handler handler() {
        return ctx -> {
            if (!slots.tryAcquire()) {
                Responses.send(
                        ctx,
                        503,
                        "text/plain",
                        "too many live streams (" + MAX_STREAMS + "); close another dashboard tab");
                return;
            }
            try {
                stream(ctx, start(ctx));
            } catch (IOException e) {
                LOG.debug("event stream closed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping
            } finally {
                slots.release();
            }
        };
    }

    private long start(Context ctx) {
        String last = ctx.header("Last-Event-ID");
        if (last == null) {
            last = ctx.queryParam("after");
        }
        try {
            return last == null ? state.seq() : Long.parseLong(last.trim());
        } catch (NumberFormatException e) {
            return state.seq();
        }
    }

    private void stream(Context ctx, long after) throws IOException, InterruptedException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
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
