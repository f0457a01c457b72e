package dev.heed.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import dev.heed.models.speech.SpeechToken;
import dev.heed.models.speech.StreamMean;
import dev.heed.models.speech.StreamPrior;
import dev.heed.models.speech.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a tiny speech model on a synthetic two-word language (word {@code a} is energy in a low
 * mel band, {@code b} in a high one) and checks that the written directory loads and transcribes
 * unseen strings with token times and attention.
 */
class SpeechTrainerTest {

    private static final int MELS = 8;
    private static final List<String> VOCAB = List.of("<blank>", "a", "b");

    @TempDir Path temp;

    @Test
    void shouldLearnToTranscribeASyntheticLanguageAndLoadItBack() throws Exception {
        Path dir = temp.resolve("tiny");
        SpeechTrainingOptions options = options(dir, 300, 0);
        Random random = new Random(5);
        SpeechExamples examples = size -> batch(random, size);
        List<SpeechBatch> validation = List.of(batch(new Random(99), 16));
        SpeechDescriptor d = SpeechTrainer.train(options, examples, validation, line -> {});
        assertThat(d.metrics().get("validation_token_error_rate")).isLessThan(0.1);
        assertThat(Files.readAllLines(dir.resolve("vocab.txt"))).isEqualTo(VOCAB);
        try (SpeechModel model = SpeechModel.load(dir, DeviceChoice.CPU)) {
            int[] words = {1, 2, 2, 1};
            Transcript t = model.newTranscriber().transcribe(utterance(words, new Random(7)));
            assertThat(t.text()).isEqualTo("a b b a");
            SpeechToken first = t.tokens().get(0);
            assertThat(first.attention()).hasSize(t.steps());
            assertThat(first.confidence()).isBetween(0.5f, 1f);
            // word 0 occupies frames 10..21, i.e. 0.10-0.22 s
            assertThat(first.startSeconds()).isBetween(0.0, 0.3);
            assertThat(t.tokens().get(3).startSeconds())
                    .isGreaterThan(t.tokens().get(2).endSeconds());
        }
    }

    @Test
    void shouldWriteTheBlankPenaltyItWasGiven() throws Exception {
        Path dir = temp.resolve("penalty");
        SpeechDescriptor d =
                SpeechTrainer.train(
                        options(dir, 20, 10, 0, false, 0, 0.7),
                        size -> batch(new Random(5), size),
                        List.of(batch(new Random(99), 16)),
                        line -> {});
        assertThat(d.blankPenalty()).isEqualTo(0.7);
        assertThat(SpeechDescriptor.read(dir).blankPenalty()).isEqualTo(0.7);
    }

    private static SpeechTrainingOptions options(Path dir, int evalEvery, int averageLast) {
        return options(dir, 900, evalEvery, averageLast, false);
    }

    private static SpeechTrainingOptions options(
            Path dir, int steps, int evalEvery, int averageLast, boolean streamMean) {
        return options(dir, steps, evalEvery, averageLast, streamMean, 0, 0);
    }

    private static SpeechTrainingOptions options(
            Path dir,
            int steps,
            int evalEvery,
            int averageLast,
            boolean streamMean,
            int streamPrior,
            double blankPenalty) {
        return new SpeechTrainingOptions(
                dir,
                "tiny",
                VOCAB,
                new SpeechDescriptor.Features("log-mel", 8000, 200, 80, 256, MELS, 20, 4000, 0.97),
                new SpeechDescriptor.Architecture(
                        "conv-transformer-ctc", 8, 32, 2, 2, 64, 0.0, true),
                16,
                3e-3,
                steps,
                0,
                evalEvery,
                5.0,
                1,
                "SpeechTrainerTest",
                null,
                false,
                streamMean,
                streamPrior,
                0,
                0,
                blankPenalty,
                averageLast);
    }

    /** Batches whose utterances each come after one earlier utterance of their stream. */
    private static SpeechExamples streamed(Random random) {
        return size -> {
            SpeechBatch b = batch(random, size);
            float[][][][] past = new float[size][][][];
            for (int i = 0; i < size; i++) {
                past[i] = new float[][][] {utterance(new int[] {1, 2}, random)};
            }
            return new SpeechBatch(b.features(), b.labels(), past);
        };
    }

    @Test
    void shouldWriteTheSpeechMeanOfItsTrainingUtterancesAsTheStreamPrior() throws Exception {
        Path dir = temp.resolve("prior");
        SpeechDescriptor d =
                SpeechTrainer.train(
                        options(dir, 20, 10, 0, true, 60, 0),
                        streamed(new Random(5)),
                        List.of(batch(new Random(99), 16)),
                        line -> {});
        SpeechExamples again = streamed(new Random(5));
        List<float[][]> first = new ArrayList<>();
        for (int i = 0; i < SpeechTraining.PRIOR_BATCHES; i++) {
            first.addAll(List.of(again.next(16).features()));
        }
        assertThat(d.streamPrior().mean()).hasSize(MELS);
        assertThat(d.streamPrior()).isEqualTo(StreamPrior.of(first, 60));
        assertThat(SpeechDescriptor.read(dir).streamPrior()).isEqualTo(d.streamPrior());
        assertThatThrownBy(() -> options(dir, 20, 10, 0, false, 60, 0))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("stream prior must be 0 (none) or, with a stream mean");
    }

    @Test
    void shouldWriteAStreamMeanModelThatRemembersItsStream() throws Exception {
        Path dir = temp.resolve("stream");
        Random random = new Random(5);
        SpeechDescriptor d =
                SpeechTrainer.train(
                        options(dir, 20, 10, 0, true),
                        streamed(random),
                        List.of(batch(new Random(99), 16)),
                        line -> {});
        assertThat(d.streamMean()).isTrue();
        assertThat(SpeechDescriptor.read(dir).streamMean()).isTrue();
        try (SpeechModel model = SpeechModel.load(dir, DeviceChoice.CPU)) {
            float[][] heard = utterance(new int[] {1}, new Random(3));
            assertThat(model.newTranscriber().remember(StreamMean.NONE, heard).frames())
                    .isPositive();
        }
    }

    @Test
    void shouldWriteTheMeanOfTheLastCheckpointsWhenAveraging() throws Exception {
        Path dir = temp.resolve("averaged");
        Random random = new Random(5);
        SpeechDescriptor d =
                SpeechTrainer.train(
                        options(dir, 150, 3),
                        size -> batch(random, size),
                        List.of(batch(new Random(99), 16)),
                        line -> {});
        assertThat(d.metrics()).containsEntry("averaged_checkpoints", 3.0);
        assertThat(d.metrics()).containsKey("validation_token_error_rate_best_checkpoint");
        try (SpeechModel model = SpeechModel.load(dir, DeviceChoice.CPU)) {
            Transcript t = model.newTranscriber().transcribe(utterance(new int[] {2, 1}, random));
            assertThat(t.text()).isEqualTo("b a");
        }
    }

    @Test
    void shouldRefuseToAverageMoreCheckpointsThanTheRunHas() {
        assertThatThrownBy(() -> options(temp.resolve("x"), 150, 7))
                .isInstanceOf(HeedModelException.class)
                .hasMessageContaining("average-last must be from 0 to steps / eval-every (6): 7");
    }

    private static SpeechBatch batch(Random random, int size) {
        List<int[]> labels = new ArrayList<>();
        float[][][] x = new float[size][][];
        int longest = 0;
        for (int i = 0; i < size; i++) {
            int[] words = new int[1 + random.nextInt(4)];
            for (int w = 0; w < words.length; w++) {
                words[w] = 1 + random.nextInt(2);
            }
            labels.add(words);
            x[i] = utterance(words, random);
            longest = Math.max(longest, x[i].length);
        }
        for (int i = 0; i < size; i++) {
            float[][] padded = new float[longest][];
            for (int t = 0; t < longest; t++) {
                padded[t] = t < x[i].length ? x[i][t] : quiet(random);
            }
            x[i] = padded;
        }
        return new SpeechBatch(x, labels.toArray(new int[0][]));
    }

    /** 10 quiet frames, then per word 12 loud frames in its band and 6-10 quiet ones. */
    private static float[][] utterance(int[] words, Random random) {
        List<float[]> frames = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            frames.add(quiet(random));
        }
        for (int w : words) {
            for (int t = 0; t < 12; t++) {
                float[] f = quiet(random);
                int band = w == 1 ? 1 : 6;
                f[band] += 8f;
                f[band + 1] += 6f;
                frames.add(f);
            }
            for (int t = 6 + random.nextInt(5); t > 0; t--) {
                frames.add(quiet(random));
            }
        }
        return frames.toArray(new float[0][]);
    }

    private static float[] quiet(Random random) {
        float[] f = new float[MELS];
        for (int m = 0; m < MELS; m++) {
            f[m] = (float) (-8 + random.nextGaussian());
        }
        return f;
    }
}
