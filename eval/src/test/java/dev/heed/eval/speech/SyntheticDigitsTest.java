package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.heed.audio.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic voices in FSDD's layout, from the synthesisers .ci/run installs. */
class SyntheticDigitsTest {

    @TempDir Path tmp;

    @Test
    void shouldWriteEveryDigitForEverySyntheticSpeakerWithTheRecipe() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/espeak-ng"))).isTrue();
        assumeThat(Files.isExecutable(Path.of("/usr/bin/flite"))).isTrue();
        assumeThat(Files.isExecutable(Path.of("/usr/bin/festival"))).isTrue();
        Path dir = SyntheticDigits.ensure(tmp.resolve("voices"), 1, 1, 5);
        List<Recording> voices = FsddCorpus.load(dir, i -> true, 8000);
        Map<String, Long> perSpeaker =
                voices.stream()
                        .collect(Collectors.groupingBy(Recording::speaker, Collectors.counting()));
        assertThat(perSpeaker).hasSize(8 + 5 + 3);
        assertThat(perSpeaker.values()).containsOnly(10L);
        for (Recording r : voices) {
            WavFile wav = WavFile.read(r.file());
            assertThat(wav.sampleRate()).isEqualTo(8000);
            assertThat(wav.seconds()).as(r.file().toString()).isBetween(0.15, 1.5);
        }
        assertThat(Files.readString(dir.resolve(SyntheticDigits.RECIPE)))
                .contains("espeak-ng -v en-US+", "flite -voice slt", "(voice_ked_diphone)");
    }

    @Test
    void shouldTrimWhatIsFortyDecibelsBelowThePeak() {
        float[] x = {0f, 0.001f, 0.5f, -1f, 0.2f, 0.005f, 0f};
        assertThat(SyntheticDigits.trim(x)).containsExactly(0.5f, -1f, 0.2f);
    }
}
