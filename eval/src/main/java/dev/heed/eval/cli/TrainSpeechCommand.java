package dev.heed.eval.cli;

import dev.heed.audio.FeatureConfig;
import dev.heed.eval.speech.CorpusHash;
import dev.heed.eval.speech.FsddCorpus;
import dev.heed.eval.speech.MixedExamples;
import dev.heed.eval.speech.Recording;
import dev.heed.eval.speech.SpeechData;
import dev.heed.eval.speech.SyntheticDigits;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.training.SpeechBatch;
import dev.heed.models.training.SpeechExamples;
import dev.heed.models.training.SpeechTrainer;
import dev.heed.models.training.SpeechTrainingOptions;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.transcription.SpeechFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heed train speech}: trains the conv-transformer CTC digit recogniser on the FSDD training
 * split (indices 5-49; takes 45-49 held out for model selection), with augmentation and digit
 * strings, and writes a speech model directory.
 */
@Command(
        name = "speech",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description =
                "Train the speech (CTC) model on a folder of {digit}_{speaker}_{index}.wav"
                        + " recordings: indices 5-44 train, 45-49 validation, 0-4 (test) never read. The shipped"
                        + " models/shipped/speech-digits was trained with the command in its model.json.")
final class TrainSpeechCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SpeechRecipeOptions recipe;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "FSDD root or recordings folder.")
    Path data;

    @Option(names = "--out", defaultValue = "speech-model", paramLabel = "DIR")
    Path out;

    @Option(names = "--name", defaultValue = "speech-digits")
    String name;

    @Option(names = "--steps", defaultValue = "8000")
    int steps;

    @Option(names = "--batch-size", defaultValue = "16")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.002")
    double lr;

    @Option(names = "--max-minutes", defaultValue = "35")
    double maxMinutes;

    @Option(names = "--eval-every", defaultValue = "500")
    int evalEvery;

    @Option(
            names = "--average-last",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Write the mean of the parameters at the last N validation points (every"
                            + " --eval-every steps) instead of the best single checkpoint; 0: the"
                            + " best single checkpoint.")
    int averageLast;

    @Option(names = "--conv-channels", defaultValue = "32")
    int convChannels;

    @Option(names = "--d-model", defaultValue = "96")
    int dModel;

    @Option(names = "--heads", defaultValue = "4")
    int heads;

    @Option(names = "--layers", defaultValue = "3")
    int layers;

    @Option(names = "--ff-dim", defaultValue = "192")
    int ffDim;

    @Option(names = "--dropout", defaultValue = "0.1")
    double dropout;

    @Option(names = "--post-norm", description = "Post-norm encoder layers (default pre-norm).")
    boolean postNorm;

    @Option(names = "--clip-norm", defaultValue = "5.0")
    double clipNorm;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(
            names = "--exclude-speakers",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Speakers whose recordings are not read at all (training, validation): a"
                            + " model for speakers it has never heard (heed eval speech"
                            + " --leave-one-speaker-out trains one per speaker this way).")
    List<String> excluded = new ArrayList<>();

    @Option(
            names = "--synthetic",
            paramLabel = "DIR",
            description =
                    "Also train on spoken digits from Debian's speech synthesisers (espeak-ng,"
                            + " flite, festival), made into DIR first unless it is there; the model's"
                            + " descriptor records how (SyntheticDigits).")
    Path synthetic;

    @Option(
            names = "--synthetic-share",
            defaultValue = "0.5",
            description = "Share of training batches drawn from the synthetic voices.")
    double syntheticShare;

    @Option(names = "--synthetic-variants", defaultValue = "5", hidden = true)
    int syntheticVariants;

    @Option(names = "--synthetic-takes", defaultValue = "6", hidden = true)
    int syntheticTakes;

    @Option(
            names = "--min-repeat-gap",
            defaultValue = "0.24",
            paramLabel = "SECONDS",
            description =
                    "Written into the model: a digit word that follows the same word within this"
                            + " many seconds, with only blanks between, is one word, not two"
                            + " (0: plain CTC decoding).")
    double minRepeatGap;

    @Option(
            names = "--blank-penalty",
            defaultValue = "0",
            paramLabel = "NATS",
            description =
                    "Written into the model: taken off the blank's log-probability at every step"
                            + " before decoding, so that fewer words are dropped and more inserted"
                            + " (0: plain greedy decoding).")
    double blankPenalty;

    @Override
    public Integer call() throws Exception {
        recipe.check();
        FeatureConfig features = FeatureConfig.speech8k();
        List<Recording> train =
                without(FsddCorpus.load(data, i -> i >= 5 && i < 45, features.sampleRate()));
        List<Recording> dev = without(FsddCorpus.load(data, i -> i >= 45, features.sampleRate()));
        List<String> vocabulary = new ArrayList<>();
        vocabulary.add("<blank>");
        vocabulary.addAll(FsddCorpus.DIGITS);
        Map<String, Object> dataInfo = new LinkedHashMap<>();
        dataInfo.put("dir", data.toString());
        dataInfo.put("train", "indices 5-44: " + train.size() + " recordings");
        dataInfo.put("train_sha256", CorpusHash.of(train));
        dataInfo.put("validation", "indices 45-49: " + dev.size() + " recordings");
        dataInfo.put("validation_sha256", CorpusHash.of(dev));
        dataInfo.put("test", "indices 0-4, never read in training");
        if (!excluded.isEmpty()) {
            dataInfo.put("excluded_speakers", List.copyOf(excluded));
        }
        dataInfo.put("augmentation", recipe.describe());
        SpeechExamples examples = new SpeechData(train, vocabulary, features, seed, recipe.data());
        if (synthetic != null) {
            if (!(syntheticShare >= 0 && syntheticShare <= 1)) {
                throw new HeedStreamsException(
                        "--synthetic-share must be between 0 and 1: " + syntheticShare);
            }
            System.err.printf("heed: synthetic voices in %s%n", synthetic);
            SyntheticDigits.ensure(synthetic, syntheticVariants, syntheticTakes, seed);
            List<Recording> voices = FsddCorpus.load(synthetic, i -> true, features.sampleRate());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dir", synthetic.toString());
            info.put("recordings", voices.size());
            info.put("speakers", voices.stream().map(Recording::speaker).distinct().count());
            info.put("sha256", CorpusHash.of(voices));
            info.put("share_of_batches", syntheticShare);
            info.put(
                    "recipe",
                    Files.readString(synthetic.resolve(SyntheticDigits.RECIPE)).lines().toList());
            dataInfo.put("synthetic", info);
            examples =
                    new MixedExamples(
                            examples,
                            new SpeechData(voices, vocabulary, features, seed + 2, recipe.data()),
                            syntheticShare,
                            seed + 3);
        }
        SpeechTrainingOptions options =
                new SpeechTrainingOptions(
                        out,
                        name,
                        vocabulary,
                        SpeechFeatures.describe(features),
                        new SpeechDescriptor.Architecture(
                                SpeechDescriptor.Architecture.CONV_TRANSFORMER_CTC,
                                convChannels,
                                dModel,
                                heads,
                                layers,
                                ffDim,
                                dropout,
                                !postNorm),
                        batchSize,
                        lr,
                        steps,
                        maxMinutes,
                        evalEvery,
                        clipNorm,
                        seed,
                        "heed "
                                + String.join(
                                        " ", spec.commandLine().getParseResult().originalArgs()),
                        dataInfo,
                        recipe.utteranceMean,
                        recipe.streamMean > 0,
                        recipe.streamPrior,
                        recipe.cepstralKeep,
                        minRepeatGap,
                        blankPenalty,
                        averageLast);
        List<SpeechBatch> validation =
                SpeechData.validation(
                        dev, vocabulary, features, 8, 25, seed + 1, recipe.streamMean);
        System.err.printf(
                "heed: training speech model on %d recordings (%d validation strings),"
                        + " %d steps of %d -> %s%n",
                train.size(), 8 * 25, steps, batchSize, out);
        SpeechDescriptor d =
                SpeechTrainer.train(options, examples, validation, System.err::println);
        System.out.printf(
                "speech model %s written to %s; validation token error %.4f%n",
                d.name(), out, d.metrics().get("validation_token_error_rate"));
        return 0;
    }

    /** {@code recordings} less those of the excluded speakers; none left is a user error. */
    private List<Recording> without(List<Recording> recordings) {
        List<Recording> kept =
                recordings.stream().filter(r -> !excluded.contains(r.speaker())).toList();
        if (kept.isEmpty()) {
            throw new HeedStreamsException(
                    "--exclude-speakers "
                            + String.join(",", excluded)
                            + " leaves no recording under "
                            + data
                            + "; exclude fewer speakers");
        }
        return kept;
    }
}
