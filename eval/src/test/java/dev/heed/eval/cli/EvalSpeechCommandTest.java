package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code heed eval speech} on the shipped demo recordings with the shipped model. */
class EvalSpeechCommandTest {

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
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
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
    void shouldScoreThroughEachNoiseKindAtEachAskedSnr() {
        String[] r =
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
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
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
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
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
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
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
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
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
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
                run(
                        "eval",
                        "speech",
                        "--data",
                        "target/classes/demo/audio",
                        "--input-rate",
                        "1000",
                        "--streaming",
                        "--model",
                        "../models/shipped/speech-digits");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--input-rate 1000", "4000-192000 Hz");
    }
}
