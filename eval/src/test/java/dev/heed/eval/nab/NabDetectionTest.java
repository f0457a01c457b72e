package dev.heed.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.ModelSource;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabDetectionTest {
    @TempDir Path dir;

    @Test
    void shouldReportTheAnomalyRecordThatRaisedAnAlarm() throws Exception {
        // a sawtooth between 0 and 9, and one reading far outside that range
        int spike = 450;
        NabCorpus corpus =
                new NabFixtures(dir.resolve("nab"))
                        .file("x/spike.csv", 520, new int[] {440, 460})
                        .value("x/spike.csv", spike, 90.0)
                        .load();
        List<NabDetection.SeriesRun> runs = new ArrayList<>();
        Map<String, double[]> scores =
                NabDetection.run(
                        corpus,
                        HeedConfig.defaults(),
                        ModelSource.of(Fixtures.model()),
                        dir.resolve("state"),
                        runs::add);

        assertThat(scores.get("x/spike.csv")[spike]).isGreaterThanOrEqualTo(0.9999);
        assertThat(runs).hasSize(1);
        long spikeMs = NabFixtures.time(spike).toInstant(ZoneOffset.UTC).toEpochMilli();
        List<JsonNode> alarms = new ArrayList<>();
        for (String line : runs.get(0).anomalyRecords()) {
            alarms.add(new ObjectMapper().readTree(line));
        }
        assertThat(alarms).hasSize(runs.get(0).anomalies());
        assertThat(alarms)
                .anySatisfy(
                        a -> {
                            assertThat(a.get("series").asText()).isEqualTo("x/spike.csv");
                            assertThat(a.get("ts_ms").asLong()).isEqualTo(spikeMs);
                            assertThat(a.get("range_break").asBoolean()).isTrue();
                            assertThat(a.get("observed").get("value").asDouble()).isEqualTo(90.0);
                        });
    }
}
