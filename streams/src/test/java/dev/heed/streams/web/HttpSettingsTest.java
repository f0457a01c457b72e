package dev.heed.streams.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.ConfigException;
import dev.heed.streams.HeedConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void shouldServeLocalhostOnPort8080ByDefault() {
        HttpSettings s = HttpSettings.of(HeedConfig.defaults());
        assertThat(s.enabled()).isTrue();
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.token()).isEmpty();
    }

    @Test
    void shouldRefuseAnOpenDashboardBeyondLoopbackUnlessSaidSo() {
        assertThatThrownBy(() -> HttpSettings.of(HeedConfig.of(Map.of("http.host", "0.0.0.0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.host=0.0.0.0")
                .hasMessageContaining("http.auth.token");
        assertThat(
                        HttpSettings.of(
                                        HeedConfig.of(
                                                Map.of(
                                                        "http.host",
                                                        "0.0.0.0",
                                                        "http.auth.token",
                                                        "s3cret")))
                                .token())
                .hasValue("s3cret");
        assertThat(
                        HttpSettings.of(
                                        HeedConfig.of(
                                                Map.of(
                                                        "http.host",
                                                        "0.0.0.0",
                                                        "http.auth.open",
                                                        "true")))
                                .token())
                .isEmpty();
    }

    @Test
    void shouldNameABadPortOrFlag() {
        assertThatThrownBy(() -> HttpSettings.of(HeedConfig.of(Map.of("http.port", "70000"))))
                .hasMessageContaining("http.port must be between 0 and 65535")
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> HttpSettings.of(HeedConfig.of(Map.of("http.enabled", "yes"))))
                .hasMessageContaining("http.enabled must be true or false: 'yes'");
    }
}
