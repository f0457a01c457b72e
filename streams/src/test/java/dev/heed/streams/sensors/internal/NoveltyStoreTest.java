package dev.heed.streams.sensors.internal;

import static dev.heed.streams.Fixtures.T0;
import static dev.heed.streams.Fixtures.reading;
import static dev.heed.streams.Fixtures.utf8;
import static dev.heed.streams.Fixtures.wave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.HeedConfig;
import dev.heed.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memories in {@code heed-novelty} against the settings in force. */
class NoveltyStoreTest {
    @TempDir Path stateDir;

    @Test
    void shouldDropAStoredMemoryTheSettingsNoLongerAskForOrSizeDifferently() {
        // 1-minute readings: a day's long view has buckets of 60, so use a 2-hour one (5 a bucket)
        try (TopologyHarness h =
                new TopologyHarness(
                        HeedConfig.of(Map.of("anomaly.novelty.span", "2h")), stateDir)) {
            for (int i = 0; i < 200; i++) {
                h.in.pipeInput(utf8("s"), reading("s", T0 + i * 60_000L, wave(i)));
            }
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            KeyValueStore<String, byte[]> kv = h.driver.getKeyValueStore("heed-novelty");
            assertThat(h.storeKeys("heed-novelty"))
                    .contains("shape:s", "shape@0:s", "context:s", "context@0:s");
            NoveltySettings now = new NoveltySettings(7_200_000, 24, 256, 8);

            AnomalyState same = new AnomalyState(1, 10);
            new NoveltyStore(kv, now).attachTo(same, "s", true, 0);
            assertThat(same.fine).isNotNull();
            assertThat(same.novelty).isNotNull();

            // the recent shape turned off: its entries go, the long context stays
            AnomalyState noShape = new AnomalyState(1, 10);
            new NoveltyStore(kv, new NoveltySettings(7_200_000, 24, 256, 0))
                    .attachTo(noShape, "s", true, 0);
            assertThat(noShape.fine).isNull();
            assertThat(noShape.novelty).isNotNull();
            assertThat(h.storeKeys("heed-novelty")).noneMatch(k -> k.startsWith("shape"));

            // a memory of another size: dropped, the detector starts one as the settings say
            AnomalyState resized = new AnomalyState(1, 10);
            new NoveltyStore(kv, new NoveltySettings(7_200_000, 24, 64, 8))
                    .attachTo(resized, "s", true, 0);
            assertThat(resized.novelty).isNull();
            assertThat(h.storeKeys("heed-novelty")).noneMatch(k -> k.startsWith("context"));
        }
    }
}
