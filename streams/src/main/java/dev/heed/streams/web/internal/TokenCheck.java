package dev.heed.streams.web.internal;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Asks for {@code http.auth.token} as {@code Authorization: Bearer TOKEN}, as the password of
 * {@code Authorization: Basic} (any user name), or as the {@code heed_token} cookie. Opening {@code
 * /?token=TOKEN} once sets the cookie and leads to {@code /}, so a browser (its EventSource and its
 * WebSocket included) needs the token only in the first link.
 */
final class TokenCheck {
    static final String COOKIE = "heed_token";
    private static final String ASK =
            "401: this Heed needs its http.auth.token: open /?token=TOKEN in a browser, "
                    + "or send Authorization: Bearer TOKEN";

    private final byte[] token;

    TokenCheck(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** A before-handler: lets a request through, answers the token link, or answers 401. */
    void before(Context ctx) {
        String t = ctx.queryParam("token");
        if (ctx.path().equals("/") && t != null && matches(t)) {
            ctx.header("Set-Cookie", COOKIE + "=" + t + "; HttpOnly; SameSite=Strict; Path=/");
            ctx.header("Location", "/");
            ctx.status(303);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!presented(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"heed\"");
            ctx.status(401).contentType("text/plain; charset=utf-8").result(ASK);
            ctx.skipRemainingHandlers();
        }
    }

    /** Before a WebSocket upgrade: the same token, or no upgrade. */
    void beforeUpgrade(Context ctx) {
        if (!presented(ctx)) {
            throw new UnauthorizedResponse(ASK);
        }
    }

    private boolean presented(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && matches(auth.substring(7).trim())) {
            return true;
        }
        if (auth != null && auth.startsWith("Basic ")) {
            try {
                String userPass =
                        new String(
                                Base64.getDecoder().decode(auth.substring(6).trim()),
                                StandardCharsets.UTF_8);
                if (matches(userPass.substring(userPass.indexOf(':') + 1))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && matches(cookie);
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
