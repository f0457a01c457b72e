package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.audio.WavFile;
import dev.heed.streams.HeedStreamsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsddCorpusTest {

    @TempDir Path temp;

    @Test
    void shouldReadLabelSpeakerAndIndexFromTheNamesAndResampleTo8kHz() throws Exception {
        new WavFile(new float[16000], 16000).write(temp.resolve("7_ann_3.wav"));
        new WavFile(new float[800], 8000).write(temp.resolve("2_bob_12.wav"));
        Files.writeString(temp.resolve("notes.wav"), "not matched by name");
        List<Recording> all = FsddCorpus.load(temp, i -> true, 8000);
        assertThat(all).extracting(Recording::label).containsExactly("two", "seven");
        assertThat(all.get(1).speaker()).isEqualTo("ann");
        assertThat(all.get(1).index()).isEqualTo(3);
        assertThat(all.get(1).samples()).hasSize(8000);
        assertThat(FsddCorpus.load(temp, FsddCorpus::isTest, 8000))
                .extracting(Recording::index)
                .containsExactly(3);
    }

    @Test
    void shouldSayWhatItLookedForInAnEmptyFolder() {
        assertThatThrownBy(() -> FsddCorpus.load(temp, i -> true, 8000))
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("{digit}_{speaker}_{index}.wav");
    }
}
