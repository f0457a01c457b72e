package dev.heed.streams.web.internal;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Asks for {@code http.auth.token} as {@code Authorization: Bearer TOKEN}, as the password of
 * {@code Authorization: Basic} (any user name), or as the {@code heed_token} cookie. Opening {@code
 * /?token=TOKEN} once sets the cookie and leads to {@code /}, so a browser (and its EventSource)
 * needs the token only in the first link.
 */
final class TokenFilter extends Filter {
    static final String COOKIE = "heed_token";
    private final byte[] token;

    TokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        if (ex.getRequestURI().getPath().equals("/")
                && query != null
                && query.startsWith("token=")) {
            String t = java.net.URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
            if (matches(t)) {
                ex.getResponseHeaders()
                        .add(
                                "Set-Cookie",
                                COOKIE + "=" + t + "; HttpOnly; SameSite=Strict; Path=/");
                ex.getResponseHeaders().set("Location", "/");
                ex.sendResponseHeaders(303, -1);
                ex.close();
                return;
            }
        }
        if (presented(ex)) {
            chain.doFilter(ex);
            return;
        }
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"heed\"");
        byte[] body =
                ("401: this Heed needs its http.auth.token: open /?token=TOKEN in a browser, "
                                + "or send Authorization: Bearer TOKEN")
                        .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(401, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private boolean presented(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
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
        for (String cookies : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String c : cookies.split(";")) {
                String kv = c.trim();
                if (kv.startsWith(COOKIE + "=") && matches(kv.substring(COOKIE.length() + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String description() {
        return "http.auth.token";
    }
}
