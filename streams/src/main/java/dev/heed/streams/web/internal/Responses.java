package dev.heed.streams.web.internal;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** How every endpoint answers: a status, a content type (text with UTF-8) and no caching. */
final class Responses {
    private Responses() {}

    static void send(Context ctx, int code, String type, String body) {
        send(ctx, code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(Context ctx, int code, String type, byte[] body) {
        boolean text = type.startsWith("text/") || type.endsWith("/json");
        ctx.status(code)
                .contentType(text && !type.contains("charset") ? type + "; charset=utf-8" : type)
                .header("Cache-Control", "no-cache")
                .result(body);
    }
}
