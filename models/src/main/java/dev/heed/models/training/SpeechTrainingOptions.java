package dev.heed.models.training;

import dev.heed.models.HeedModelException;
import dev.heed.models.speech.SpeechDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SpeechTrainer} trains and how.
 *
 * @param outputDir the model directory to write
 * @param name the model's name
 * @param vocabulary the tokens, blank first (written as {@code vocab.txt})
 * @param features the features the examples carry
 * @param architecture the network
 * @param batchSize utterances per step
 * @param learningRate Adam's peak rate (linear warm-up, cosine decay over {@code steps})
 * @param steps optimiser steps
 * @param maxMinutes stop early after this long (0: no limit)
 * @param evalEvery validate every this many steps, keeping the best parameters
 * @param clipNorm global gradient norm clip (0: none)
 * @param seed the seed of the weight initialisation
 * @param command the command line, recorded in the descriptor
 * @param data what the data was, recorded in the descriptor
 * @param utteranceMean subtract each utterance's speech mean from its frames ({@link
 *     dev.heed.models.speech.UtteranceMean}), in training and in the model it writes
 * @param streamMean subtract the pooled speech mean of each utterance and of its stream's earlier
 *     utterances (the batches' {@link SpeechBatch#context()}; {@link
 *     dev.heed.models.speech.StreamMean}), in training and in the model it writes; not with {@code
 *     utteranceMean}
 * @param streamPrior with {@code streamMean}: the speech frames a {@link
 *     dev.heed.models.speech.StreamPrior} of the training utterances stands for in an empty stream
 *     history (0: no prior), in training and in the model it writes
 * @param cepstralKeep keep this many cepstral coefficients of each frame ({@link
 *     dev.heed.models.speech.CepstralSmoothing}; 0: none), in training and in the model it writes
 * @param minRepeatGap the written model's {@link SpeechDescriptor#minRepeatGap()}, seconds
 * @param blankPenalty the written model's {@link SpeechDescriptor#blankPenalty()}
 * @param averageLast write the mean of the parameters at the last this many validation points
 *     instead of the best single one (checkpoint averaging; 0: the best single one)
 */
public record SpeechTrainingOptions(
        Path outputDir,
        String name,
        List<String> vocabulary,
        SpeechDescriptor.Features features,
        SpeechDescriptor.Architecture architecture,
        int batchSize,
        double learningRate,
        int steps,
        double maxMinutes,
        int evalEvery,
        double clipNorm,
        long seed,
        String command,
        Map<String, Object> data,
        boolean utteranceMean,
        boolean streamMean,
        int streamPrior,
        int cepstralKeep,
        double minRepeatGap,
        double blankPenalty,
        int averageLast) {

    /** Validates the numbers; the message names the bad value. */
    public SpeechTrainingOptions {
        vocabulary = List.copyOf(vocabulary);
        data =
                data == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(
                                new java.util.LinkedHashMap<>(data));
        check(batchSize > 0, "batch size must be > 0: " + batchSize);
        check(steps > 0, "steps must be > 0: " + steps);
        check(learningRate > 0, "learning rate must be > 0: " + learningRate);
        check(
                minRepeatGap >= 0 && minRepeatGap < 10,
                "min repeat gap must be seconds from 0 to 10: " + minRepeatGap);
        check(
                blankPenalty >= 0 && blankPenalty < 10,
                "blank penalty must be natural-log units from 0 to 10: " + blankPenalty);
        check(
                cepstralKeep >= 0 && cepstralKeep <= features.mels(),
                "cepstral keep must be from 0 (none) to the "
                        + features.mels()
                        + " mels: "
                        + cepstralKeep);
        check(
                averageLast >= 0 && (long) averageLast * evalEvery <= steps,
                "average-last must be from 0 to steps / eval-every ("
                        + steps / Math.max(1, evalEvery)
                        + "): "
                        + averageLast);
        check(
                !(utteranceMean && streamMean),
                "utterance mean and stream mean are exclusive (the stream mean is the utterance's"
                        + " own while a stream has no history); choose one");
        check(
                streamPrior >= 0 && (streamPrior == 0 || streamMean),
                "stream prior must be 0 (none) or, with a stream mean, the frames it weighs: "
                        + streamPrior);
        check(evalEvery > 0, "eval-every must be > 0: " + evalEvery);
        check(vocabulary.size() >= 2, "vocabulary needs blank and a token: " + vocabulary);
        check(
                architecture.dModel() % architecture.heads() == 0,
                "d_model must be divisible by heads: "
                        + architecture.dModel()
                        + " % "
                        + architecture.heads());
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new HeedModelException(message);
        }
    }
}
