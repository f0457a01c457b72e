package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.models.speech.SpeechDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed eval speech --leave-one-speaker-out}: one tiny model per speaker, trained without
 * that speaker's recordings (not even for validation), scored on that speaker only, and reused by
 * the next run.
 */
class LeaveOneSpeakerOutTest {

    private static final String TINY =
            "--steps 2 --eval-every 2 --batch-size 2 --layers 1 --d-model 16 --heads 2 --ff-dim"
                    + " 16 --conv-channels 4 --max-words 1 --max-minutes 2";

    @TempDir Path tmp;

    @Test
    void shouldScoreEachSpeakerWithAModelThatNeverHeardThem() throws Exception {
        Path data = corpus();
        Path folds = tmp.resolve("folds");
        String out = run(data, folds);
        assertThat(out)
                .contains("Leave one speaker out")
                .containsPattern("(?m)^  jackson +1 ")
                .containsPattern("(?m)^  nicolas +1 ")
                .containsPattern("(?m)^  yweweler +1 ")
                .containsPattern("(?m)^  mean ");
        for (String speaker : List.of("jackson", "nicolas", "theo", "yweweler")) {
            SpeechDescriptor d = SpeechDescriptor.read(folds.resolve("without-" + speaker));
            assertThat(d.data().get("excluded_speakers")).isEqualTo(List.of(speaker));
            assertThat(d.data().get("train")).isEqualTo("indices 5-44: 6 recordings");
            assertThat(d.data().get("validation")).isEqualTo("indices 45-49: 3 recordings");
        }
        long trained = Files.getLastModifiedTime(folds.resolve("without-theo")).toMillis();
        assertThat(run(data, folds, "--babble-snr", "10,5"))
                .as("each fold also scored through babble of its speaker's own recordings")
                .contains("babble 10.0 dB: isolated / WER", "babble  5.0 dB: isolated / WER")
                .containsPattern("(?m)^  theo +1 .*% / +[0-9.]+%  .*% / +[0-9.]+%$")
                .containsPattern("(?m)^  mean .*% / +[0-9.]+%  .*% / +[0-9.]+%$");
        assertThat(Files.getLastModifiedTime(folds.resolve("without-theo")).toMillis())
                .as("the second run reuses the folds")
                .isEqualTo(trained);
        String streamed = run(data, folds, "--streaming");
        assertThat(streamed.split("streamed through the audio topology at 8000 Hz", -1))
                .as("each of the four folds streamed through the topology")
                .hasSize(5);
        assertThat(streamed.split("digit strings, finals joined  WER", -1)).hasSize(5);
    }

    /**
     * Four speakers' demo recordings as takes 0 (scored), 5 and 6 (training) and 45 (validation).
     */
    private Path corpus() throws Exception {
        Path demo = Path.of("target/classes/demo/audio");
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        for (String name : List.of("3_jackson_0", "5_yweweler_3", "7_nicolas_1", "9_theo_2")) {
            String[] p = name.split("_");
            for (int index : new int[] {0, 5, 6, 45}) {
                Files.copy(
                        demo.resolve(name + ".wav"),
                        data.resolve(p[0] + "_" + p[1] + "_" + index + ".wav"));
            }
        }
        return data;
    }

    private static String run(Path data, Path folds, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of(
                                    "eval",
                                    "speech",
                                    "--data",
                                    data.toString(),
                                    "--indices",
                                    "0",
                                    "--strings",
                                    "2",
                                    "--leave-one-speaker-out",
                                    "--folds",
                                    folds.toString(),
                                    "--train-args",
                                    TINY));
            args.addAll(List.of(extra));
            code = HeedTools.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        return printed;
    }
}
