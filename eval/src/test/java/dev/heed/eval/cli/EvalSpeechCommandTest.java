package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heed eval speech} on the shipped demo recordings with the shipped model. */
class EvalSpeechCommandTest {

    /** {@code heed eval speech --data} the shipped demo recordings, then {@code more}. */
    private static String[] onDemoAudio(String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(
                new String[] {"eval", "speech", "--data", "target/classes/demo/audio"},
                0,
                args,
                0,
                4);
        System.arraycopy(more, 0, args, 4, more.length);
        return run(args);
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = HeedTools.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {
            Integer.toString(code),
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)
        };
    }

    @Test
    void shouldPrintAccuracyPerSpeakerWerAndRealTimeFactor() {
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--strings",
                        "3",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1])
                .contains(
                        "isolated digits, jackson",
                        "isolated digits, yweweler",
                        "isolated-digit accuracy",
                        "digit-string WER",
                        "real-time factor (one core)");
    }

    @Test
    void shouldWriteEveryRecordingAndStringAsHeardWhenAsked(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("heard.jsonl");
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--strings",
                        "3",
                        "--model",
                        "../models/shipped/speech-digits",
                        "--transcripts",
                        file.toString());
        assertThat(r[0]).isEqualTo("0");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        List<JsonNode> isolated =
                lines.stream().filter(n -> n.path("kind").asText().equals("isolated")).toList();
        List<JsonNode> strings =
                lines.stream().filter(n -> n.path("kind").asText().equals("string")).toList();
        assertThat(strings).hasSize(3);
        assertThat(r[2]).contains("wrote " + lines.size() + " transcripts to " + file);
        long right =
                isolated.stream()
                        .filter(n -> n.path("heard").asText().equals(n.path("reference").asText()))
                        .count();
        assertThat(r[1])
                .contains(
                        String.format(
                                Locale.ROOT,
                                "isolated-digit accuracy        %6.2f%%",
                                100.0 * right / isolated.size()));
        int[] kinds = new int[3];
        for (JsonNode n : strings) {
            kinds[0] += n.path("substituted").asInt();
            kinds[1] += n.path("dropped").asInt();
            kinds[2] += n.path("inserted").asInt();
            assertThat(n.path("speaker").asText()).isNotEmpty();
        }
        assertThat(r[1])
                .contains(
                        String.format(
                                Locale.ROOT,
                                "%d substituted, %d dropped, %d inserted",
                                kinds[0],
                                kinds[1],
                                kinds[2]));
    }

    @Test
    void shouldRefuseAReversedIndexRangeAndSayWhatToGive() {
        String[] r = onDemoAudio("--indices", "9-3");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--indices 9-3 is no range", "such as 0-4");
        assertThat(EvalSpeechCommand.indexFilter("3-9").test(3)).isTrue();
        assertThat(EvalSpeechCommand.indexFilter("3-9").test(10)).isFalse();
        assertThat(EvalSpeechCommand.indexFilter("all").test(49)).isTrue();
    }

    @Test
    void shouldRefuseTranscriptsWithLeaveOneSpeakerOut() {
        String[] r = onDemoAudio("--leave-one-speaker-out", "--transcripts", "x.jsonl");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--transcripts x.jsonl", "one model per speaker", "--model");
    }

    @Test
    void shouldRefuseTranscriptsWithNoFolderToWriteThemInBeforeScoring(@TempDir Path tmp) {
        Path file = tmp.resolve("missing").resolve("heard.jsonl");
        String[] r = onDemoAudio("--transcripts", file.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--transcripts " + file, "no folder to write it in");
        assertThat(r[1]).as("nothing scored first").isEmpty();
    }

    @Test
    void shouldScoreThroughEachNoiseKindAtEachAskedSnr() {
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--strings",
                        "2",
                        "--noise",
                        "pink,hum",
                        "--noise-snr",
                        "20,0",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1])
                .containsPattern("noise pink at 20.0 dB SNR: isolated-digit accuracy +[0-9.]+%")
                .containsPattern("noise pink at  0.0 dB SNR: isolated-digit accuracy +[0-9.]+%")
                .containsPattern("noise hum at  0.0 dB SNR: isolated-digit accuracy +[0-9.]+%");
    }

    @Test
    void shouldRefuseAnUnknownNoiseBeforeScoringAndSayWhatThereIs() {
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--noise",
                        "traffic",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).doesNotContain("isolated-digit accuracy");
        assertThat(r[2]).contains("--noise traffic", "pink, brown, hum", "folder of WAV");
    }

    @Test
    void shouldScoreThroughBabbleAtEachAskedSnr() {
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--strings",
                        "2",
                        "--babble-snr",
                        "20,5",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1])
                .containsPattern("babble at 20.0 dB SNR: isolated-digit accuracy +[0-9.]+%")
                .containsPattern("babble at  5.0 dB SNR: isolated-digit accuracy +[0-9.]+%");
    }

    @Test
    void shouldSayWhatToPassWhenTheFolderIsMissing() {
        String[] r =
                run(
                        "eval",
                        "speech",
                        "--data",
                        "no-such-folder",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--data no-such-folder is not a folder");
    }

    @Test
    void shouldExplainHowToGetVoskWhenItIsNotOnTheClasspath() {
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--strings",
                        "1",
                        "--model",
                        "../models/shipped/speech-digits",
                        "--compare",
                        "vosk");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("-Pvosk", "bench-vosk/heed-vosk");
    }

    @Test
    void shouldStreamAtTheAskedInputRateAndTranscribeAfterTheTopologyResamples() {
        String[] r =
                onDemoAudio(
                        "--indices",
                        "all",
                        "--strings",
                        "1",
                        "--streaming",
                        "--input-rate",
                        "16000",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1])
                .contains("streamed through the audio topology at 16000 Hz")
                .containsPattern("finals say the label +[1-9][0-9]*/");
    }

    @Test
    void shouldRefuseAnInputRateWithoutStreamingOrOutOfRange() {
        String[] r =
                onDemoAudio(
                        "--input-rate",
                        "1000",
                        "--streaming",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--input-rate 1000", "4000-192000 Hz");
    }
}
