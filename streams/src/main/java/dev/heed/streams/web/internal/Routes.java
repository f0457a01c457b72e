package dev.heed.streams.web.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers shared by the handlers: sending a body, answering only GET and HEAD. */
final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    /** A handler that may throw; errors become a 500 and a log line. */
    interface Handler {
        void handle(HttpExchange ex) throws Exception;
    }

    private Routes() {}

    static HttpHandler get(Handler h) {
        return ex -> {
            try (ex) {
                String m = ex.getRequestMethod();
                if (!m.equals("GET") && !m.equals("HEAD")) {
                    ex.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(ex, 405, "text/plain", "method " + m + " not allowed; use GET");
                    return;
                }
                h.handle(ex);
            } catch (IOException e) {
                LOG.debug("client went away: {} {}", ex.getRequestURI(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping
            } catch (Exception e) {
                LOG.warn("error serving {}", ex.getRequestURI(), e);
                try {
                    send(ex, 500, "text/plain", "internal error: " + e);
                } catch (IOException | RuntimeException ignored) {
                    // the response was already under way
                }
            }
        };
    }

    static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        send(ex, code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        boolean text = type.startsWith("text/") || type.endsWith("/json");
        ex.getResponseHeaders()
                .set(
                        "Content-Type",
                        text && !type.contains("charset") ? type + "; charset=utf-8" : type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
