package dev.heed.streams.web;

import dev.heed.streams.ConfigException;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The {@code http.*} settings, validated in one place. Serving on an address other than loopback
 * needs {@code http.auth.token}, or {@code http.auth.open=true} to say that the network around Heed
 * already protects it.
 *
 * @param enabled {@code http.enabled}
 * @param host {@code http.host}
 * @param port {@code http.port}, 0 for any free port
 * @param token {@code http.auth.token}, empty for none
 * @param seriesMax {@code http.series.max}: series the dashboard and the per-series gauges keep
 * @param talk {@code http.talk.enabled}: the dashboard's microphone ({@code /api/talk}), when the
 *     application transcribes
 * @param talkMaxStreams {@code http.talk.max.streams}: microphones that may talk at once
 * @param talkMaxChunkBytes {@code audio.max.chunk.bytes}: the largest chunk a microphone may send
 */
public record HttpSettings(
        boolean enabled,
        String host,
        int port,
        Optional<String> token,
        int seriesMax,
        boolean talk,
        int talkMaxStreams,
        int talkMaxChunkBytes) {

    public static HttpSettings of(HeedConfig config) {
        boolean enabled = config.getBoolean(HeedKeys.HTTP_ENABLED);
        String host = config.getString(HeedKeys.HTTP_HOST);
        int port = config.getInt(HeedKeys.HTTP_PORT);
        if (port < 0 || port > 65535) {
            throw new ConfigException(
                    "http.port must be between 0 and 65535 (0: any free port): " + port);
        }
        Optional<String> token = config.get(HeedKeys.HTTP_AUTH_TOKEN);
        boolean open = config.getBoolean(HeedKeys.HTTP_AUTH_OPEN);
        if (enabled && token.isEmpty() && !open && !loopback(host)) {
            throw new ConfigException(
                    "http.host="
                            + host
                            + " serves the dashboard and metrics beyond "
                            + "this machine without authentication; set http.auth.token=SECRET "
                            + "(HEED_HTTP_AUTH_TOKEN), or http.auth.open=true if the network already protects it");
        }
        return new HttpSettings(
                enabled,
                host,
                port,
                token,
                config.getPositiveInt(HeedKeys.HTTP_SERIES_MAX),
                config.getBoolean(HeedKeys.HTTP_TALK_ENABLED),
                config.getPositiveInt(HeedKeys.HTTP_TALK_MAX_STREAMS),
                config.getPositiveInt(HeedKeys.AUDIO_MAX_CHUNK_BYTES));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException(
                    "http.host is not a known host name or address: '"
                            + host
                            + "'; use 127.0.0.1, 0.0.0.0 or a name of this machine");
        }
    }
}
