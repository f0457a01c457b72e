package dev.heed.streams.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.ConfigException;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.sensors.internal.AnomalySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The anomaly keys as the topology reads them: defaults, keywords, numbers, bad values. */
class AnomalySettingsConfigTest {
    private static AnomalySettings read(Map<String, String> settings) {
        return SensorTopology.anomalySettings(HeedConfig.of(settings), 256, 16);
    }

    @Test
    void shouldDefaultToNoveltyViewsOfADayAndAPatchAndAHoldOffOfOneSpan() {
        AnomalySettings s = read(Map.of());
        assertThat(s.forecastAlarms()).isFalse();
        assertThat(s.forecastPeriodic()).isEqualTo(3.0);
        assertThat(s.novelty().spanMs()).isEqualTo(86_400_000L);
        assertThat(s.novelty().points()).isEqualTo(24);
        assertThat(s.novelty().memory()).isEqualTo(256);
        assertThat(s.novelty().fine()).isEqualTo(16);
        assertThat(s.novelty().centredShape()).isTrue();
        assertThat(s.novelty().embedding()).as("one embedding per patch").isEqualTo(16);
        assertThat(s.novelty().cache()).isEqualTo(2048);
        assertThat(s.longWindow()).isEqualTo(8000);
        assertThat(s.holdoff()).isEqualTo(AnomalySettings.HOLDOFF_SPAN);
        // 5-minute data: hourly buckets of 12 readings
        assertThat(s.novelty().bucket(300_000)).isEqualTo(12);
    }

    @Test
    void shouldTakeKeywordsAndNumbers() {
        assertThat(read(Map.of("anomaly.holdoff", "window")).holdoff()).isEqualTo(256);
        assertThat(read(Map.of("anomaly.holdoff", "40")).holdoff()).isEqualTo(40);
        // no long view: span falls back to the window
        assertThat(read(Map.of("anomaly.novelty.span", "0s")).holdoff()).isEqualTo(256);
        assertThat(read(Map.of("anomaly.novelty.fine", "0")).novelty().fine()).isZero();
        assertThat(read(Map.of("anomaly.forecast.alarms", "TRUE")).forecastAlarms()).isTrue();
        assertThat(read(Map.of("anomaly.forecast.periodic", "0")).forecastPeriodic()).isZero();
        assertThat(read(Map.of("anomaly.novelty.shape", "level")).novelty().centredShape())
                .isFalse();
        assertThat(read(Map.of("anomaly.novelty.embedding", "0")).novelty().embedding()).isZero();
        assertThat(read(Map.of("anomaly.novelty.embedding", "32")).novelty().embedding())
                .isEqualTo(32);
        assertThat(read(Map.of("anomaly.novelty.cache", "100")).novelty().cache()).isEqualTo(100);
    }

    @Test
    void shouldSayWhatIsWrongWithTheValue() {
        assertThatThrownBy(() -> read(Map.of("anomaly.holdoff", "day")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("anomaly.holdoff must be span")
                .hasMessageEndingWith(": 'day'");
        assertThatThrownBy(() -> read(Map.of("anomaly.novelty.fine", "-3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("anomaly.novelty.fine must be patch")
                .hasMessageEndingWith(": '-3'");
        assertThatThrownBy(() -> read(Map.of("anomaly.forecast.periodic", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("anomaly.forecast.periodic")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> read(Map.of("anomaly.forecast.alarms", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("anomaly.forecast.alarms must be true or false: 'yes'");
        assertThatThrownBy(() -> read(Map.of("anomaly.novelty.fine", "40000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("anomaly.novelty.fine must be at most 4096: 40000");
        assertThatThrownBy(() -> read(Map.of("anomaly.novelty.shape", "centered")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("anomaly.novelty.shape must be centred or level")
                .hasMessageEndingWith(": 'centered'");
        assertThatThrownBy(() -> read(Map.of("anomaly.novelty.memory", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("anomaly.novelty.memory must be > 0: 0");
        assertThatThrownBy(() -> read(Map.of("anomaly.novelty.embedding", "always")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("anomaly.novelty.embedding must be patch")
                .hasMessageEndingWith(": 'always'");
        assertThatThrownBy(() -> read(Map.of("anomaly.novelty.cache", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("anomaly.novelty.cache must be > 0: 0");
    }
}
