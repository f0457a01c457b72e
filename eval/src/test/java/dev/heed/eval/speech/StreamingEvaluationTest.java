package dev.heed.eval.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.audio.WavFile;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.Fixtures;
import dev.heed.streams.HeedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingEvaluationTest {
    private static final Path AUDIO = Path.of("../samples/audio");

    @TempDir Path state;

    @Test
    void shouldCountOneRightFinalPerShippedRecordingAndNotCountAWrongLabel() throws Exception {
        List<Recording> recordings = new ArrayList<>();
        for (String name : List.of("3_jackson_0", "7_nicolas_1", "9_theo_2", "5_yweweler_3")) {
            WavFile wav = WavFile.read(AUDIO.resolve(name + ".wav"));
            String[] p = name.split("_");
            recordings.add(
                    new Recording(
                            AUDIO.resolve(name + ".wav"),
                            word(p[0]),
                            p[1],
                            Integer.parseInt(p[2]),
                            wav.samples()));
        }
        Recording three = recordings.get(0);
        recordings.add(
                new Recording(
                        three.file(), "eight", three.speaker(), three.index(), three.samples()));
        try (SpeechModel model = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU)) {
            StreamingEvaluation.Result r =
                    StreamingEvaluation.run(
                            model,
                            HeedConfig.of(Map.of("bootstrap.servers", "unused:9092")),
                            recordings,
                            8000,
                            state);
            assertThat(r.recordings()).isEqualTo(5);
            assertThat(r.oneFinal()).isEqualTo(5);
            assertThat(r.finals()).isEqualTo(5);
            assertThat(r.correct()).as("the mislabelled copy of 'three' is not right").isEqualTo(4);
        }
    }

    private static String word(String digit) {
        return List.of(
                        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                        "nine")
                .get(Integer.parseInt(digit));
    }
}
