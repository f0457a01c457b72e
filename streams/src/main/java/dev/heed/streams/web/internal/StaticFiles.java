package dev.heed.streams.web.internal;

import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The page's own files from {@code /web/} on the class path, and Chart.js from its WebJar under
 * {@code /vendor/chart.js}, so the page needs no internet access.
 */
final class StaticFiles {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES =
            Map.of(
                    "html",
                    "text/html",
                    "js",
                    "text/javascript",
                    "css",
                    "text/css",
                    "svg",
                    "image/svg+xml");
    private static final String CHART_JS = chartJsPath();

    private StaticFiles() {}

    static Handler handler() {
        return ctx -> {
            String path = ctx.path();
            String resource;
            String name;
            if (path.equals("/")) {
                name = "index.html";
                resource = "/web/index.html";
            } else if (path.equals("/vendor/chart.js")) {
                name = "chart.js";
                resource = CHART_JS;
            } else {
                name = path.substring(1);
                resource = NAME.matcher(name).matches() ? "/web/" + name : null;
            }
            byte[] body = resource == null ? null : read(resource);
            if (body == null) {
                Responses.send(ctx, 404, "text/plain", "not found: " + path);
                return;
            }
            Responses.send(ctx, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
        };
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String chartJsPath() {
        String props = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
        try (InputStream in = StaticFiles.class.getResourceAsStream(props)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return "/META-INF/resources/webjars/chart.js/"
                    + p.getProperty("version", "missing")
                    + "/dist/chart.umd.min.js";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + props, e);
        }
    }
}
