package dev.heed.streams.web.internal;

import dev.heed.streams.app.Liveness;
import io.javalin.http.Handler;
import java.util.function.Supplier;

/**
 * {@code /health/live} and {@code /health/ready} from the application's {@link Liveness}: ready
 * when Kafka Streams is RUNNING; live unless it failed or stopped, threads failed too often, or a
 * stream thread is stuck. The body is {@code {"status":"UP","check":"ready","state":"RUNNING"}},
 * with a {@code detail} saying why when DOWN, and 200 when UP, 503 when DOWN.
 */
final class Health {
    private Health() {}

    static Handler handler(String check, Supplier<Liveness> liveness) {
        return ctx -> {
            Liveness l = liveness.get();
            boolean up = check.equals("ready") ? l.ready() : l.live();
            StringBuilder body =
                    new StringBuilder("{\"status\":\"")
                            .append(up ? "UP" : "DOWN")
                            .append("\",\"check\":\"")
                            .append(check)
                            .append("\",\"state\":\"")
                            .append(l.state())
                            .append('"');
            if (!l.live()) {
                body.append(",\"detail\":").append(Json.quote(l.detail()));
            }
            Responses.send(ctx, up ? 200 : 503, "application/json", body.append('}').toString());
        };
    }
}
