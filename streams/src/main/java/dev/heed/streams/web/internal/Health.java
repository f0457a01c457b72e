package dev.heed.streams.web.internal;

import io.javalin.http.Handler;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * {@code /health/live} and {@code /health/ready} from the Kafka Streams state of a started
 * application: ready when RUNNING; live unless ERROR, PENDING_ERROR or NOT_RUNNING. The body is
 * {@code {"status":"UP","check":"ready","state":"RUNNING"}}, with 200 when UP and 503 when DOWN.
 */
final class Health {
    private Health() {}

    static boolean live(State s) {
        return s != State.ERROR && s != State.PENDING_ERROR && s != State.NOT_RUNNING;
    }

    static boolean ready(State s) {
        return s == State.RUNNING;
    }

    static Handler handler(String check, Supplier<State> state) {
        return ctx -> {
            State s = state.get();
            boolean up = check.equals("ready") ? ready(s) : live(s);
            String body =
                    "{\"status\":\""
                            + (up ? "UP" : "DOWN")
                            + "\",\"check\":\""
                            + check
                            + "\",\"state\":\""
                            + s
                            + "\"}";
            Responses.send(ctx, up ? 200 : 503, "application/json", body);
        };
    }
}
