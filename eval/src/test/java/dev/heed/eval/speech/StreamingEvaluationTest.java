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
            StreamingEvaluation.Result r = StreamingEvaluation.run(setup(model), recordings);
            assertThat(r.recordings()).isEqualTo(5);
            assertThat(r.oneFinal()).isEqualTo(5);
            assertThat(r.finals()).isEqualTo(5);
            assertThat(r.correct()).as("the mislabelled copy of 'three' is not right").isEqualTo(4);
        }
    }

    @Test
    void shouldScoreTheFinalsOfAStreamedDigitStringAgainstItsWords() throws Exception {
        List<float[]> words = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String name : List.of("3_jackson_0", "7_nicolas_1", "9_theo_2", "5_yweweler_3")) {
            words.add(WavFile.read(AUDIO.resolve(name + ".wav")).samples());
            labels.add(word(name.substring(0, 1)));
        }
        float[] string = joined(words, 8000 * 4 / 10); // 400 ms pauses: one final per word
        List<String> wrong = new ArrayList<>(labels);
        wrong.set(1, "eight");
        wrong.add("two");
        try (SpeechModel model = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU)) {
            StreamingEvaluation.StringResult r =
                    StreamingEvaluation.runStrings(
                            setup(model),
                            List.of(
                                    new DigitStrings.Utterance(string, labels),
                                    new DigitStrings.Utterance(string, wrong)));
            assertThat(r.strings()).isEqualTo(2);
            assertThat(r.finals()).as("one final per word of each string").isEqualTo(8);
            assertThat(r.words()).isEqualTo(9);
            assertThat(r.kinds())
                    .as("the second reference has one word wrong and one too many")
                    .containsExactly(1, 1, 0);
            assertThat(r.wer()).isEqualTo(2 / 9.0);
        }
    }

    @Test
    void shouldStreamTheAskedTailAfterTheSpeechThroughTheBackground() throws Exception {
        float[] three = WavFile.read(AUDIO.resolve("3_jackson_0.wav")).samples();
        List<Integer> heard = new ArrayList<>();
        try (SpeechModel model = SpeechModel.load(Fixtures.SPEECH_MODEL, DeviceChoice.CPU)) {
            StreamingEvaluation.Setup quiet = setup(model);
            StreamingEvaluation.Setup longTail =
                    new StreamingEvaluation.Setup(
                            model,
                            quiet.config(),
                            8000,
                            8000,
                            x -> {
                                heard.add(x.length);
                                return x;
                            },
                            2000,
                            state);
            StreamingEvaluation.Result r =
                    StreamingEvaluation.run(
                            longTail,
                            List.of(
                                    new Recording(
                                            AUDIO.resolve("3_jackson_0.wav"),
                                            "three",
                                            "jackson",
                                            0,
                                            three)));
            assertThat(heard)
                    .as("300 ms before the speech, 2 s after it, through the background")
                    .containsExactly(2400 + three.length + 16000);
            assertThat(r.correct()).as("a quiet tail changes nothing").isEqualTo(1);
        }
    }

    private StreamingEvaluation.Setup setup(SpeechModel model) {
        return new StreamingEvaluation.Setup(
                model, HeedConfig.of(Map.of("bootstrap.servers", "unused:9092")), 8000, state);
    }

    private static float[] joined(List<float[]> words, int pause) {
        int n = 0;
        for (float[] w : words) {
            n += w.length + pause;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] w : words) {
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length + pause;
        }
        return out;
    }

    private static String word(String digit) {
        return List.of(
                        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                        "nine")
                .get(Integer.parseInt(digit));
    }
}
