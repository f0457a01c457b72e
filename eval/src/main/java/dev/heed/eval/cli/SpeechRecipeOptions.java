package dev.heed.eval.cli;

import dev.heed.eval.speech.SpeechData;
import dev.heed.streams.HeedStreamsException;
import picocli.CommandLine.Option;

/**
 * How {@code heed train speech} makes its training utterances and prepares their frames: the
 * augmentation ({@link SpeechData.Recipe}), the mean normalisation and cepstral smoothing; checked,
 * and described for the model's descriptor.
 */
final class SpeechRecipeOptions {

    @Option(
            names = "--max-words",
            defaultValue = "6",
            description = "Longest training string in words (1: isolated words only).")
    int maxWords;

    @Option(
            names = "--spec-augment",
            description = "Mask mel bands and time spans of the training features (SpecAugment).")
    boolean specAugment;

    @Option(
            names = "--speed",
            defaultValue = "0.15",
            description = "Each training word is sped up or slowed by up to this share.")
    double speed;

    @Option(
            names = "--babble",
            defaultValue = "0",
            description =
                    "Share of training utterances heard through babble: three other recordings of"
                            + " the same training pool at once, below the speech by"
                            + " --babble-snr-range.")
    double babble;

    @Option(
            names = "--babble-snr-range",
            defaultValue = "0,20",
            paramLabel = "LO,HI",
            description =
                    "With --babble: each babbled utterance's speech is drawn uniformly from LO to"
                            + " HI dB above its babble (default: ${DEFAULT-VALUE}).")
    String babbleSnrRange = "0,20";

    @Option(
            names = "--babble-edges",
            description =
                    "With --babble: babble covers a random stretch of each utterance (from its"
                            + " first half into its second) instead of all of it, and a quarter of"
                            + " the utterances start at their first sample.")
    boolean babbleEdges;

    @Option(
            names = "--babble-under-quietest",
            description =
                    "With --babble: the babble's level is set below the utterance's quietest word"
                            + " (each word's mean power) instead of below all its speech.")
    boolean babbleUnderQuietest;

    @Option(
            names = "--mixed-voices",
            defaultValue = "0",
            description =
                    "Share of training strings of several digits whose digits are by any speakers"
                            + " of the pool (voices that change within an utterance) instead of"
                            + " one.")
    double mixedVoices;

    @Option(
            names = "--vtlp",
            defaultValue = "0",
            description =
                    "Vocal tract length perturbation: each training utterance's frequency axis is"
                            + " warped by a factor within 1 +- this (0: none; 0.1 is usual).")
    double vtlp;

    @Option(
            names = "--utterance-mean",
            description =
                    "Subtract each utterance's per-mel mean over its speech frames from its"
                            + " log-mel frames, in training and in the model (UtteranceMean).")
    boolean utteranceMean;

    @Option(
            names = "--stream-mean",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Subtract the per-mel speech mean of each utterance and of the utterances its"
                            + " stream heard before it (StreamMean: the speaker's and microphone's"
                            + " colouring, not the word's), in training and in the model; training"
                            + " utterances come after up to N other recordings of their speaker"
                            + " (0: off). Not with --utterance-mean.")
    int streamMean;

    @Option(
            names = "--stream-cold",
            defaultValue = "0.5",
            paramLabel = "SHARE",
            description =
                    "With --stream-mean: the share of training utterances heard first on their"
                            + " stream (nothing before them).")
    double streamCold;

    @Option(
            names = "--stream-prior",
            defaultValue = "0",
            paramLabel = "FRAMES",
            description =
                    "With --stream-mean: the speech mean of 1,024 training utterances stands in"
                            + " for this many speech frames of a stream's history while the stream"
                            + " has fewer of its own (StreamPrior; 0: none; 100 is about two and a"
                            + " half digits).")
    int streamPrior;

    @Option(
            names = "--background",
            defaultValue = "0",
            paramLabel = "SHARE",
            description =
                    "With --stream-mean: the share of training utterances that are background only:"
                            + " after 1 to N recordings of the stream's speaker, babble of other"
                            + " recordings at --babble-snr-range dB below that speech and no words,"
                            + " labelled with no words, so that a room's chatter the VAD opens an"
                            + " utterance on is not transcribed (0: none).")
    double background;

    @Option(
            names = "--cepstral-keep",
            defaultValue = "0",
            paramLabel = "K",
            description =
                    "Keep the first K cepstral coefficients of each log-mel frame (its spectral"
                            + " envelope without the voice's pitch harmonics), in training and in"
                            + " the model (CepstralSmoothing); 0: frames as they are.")
    int cepstralKeep;

    /** Refuses values out of range and settings that exclude each other. */
    void check() {
        if (!(babble >= 0 && babble <= 1)) {
            throw new HeedStreamsException("--babble must be a share between 0 and 1: " + babble);
        }
        double[] snr = snrRange();
        if (!(background >= 0 && background <= 1)) {
            throw new HeedStreamsException(
                    "--background must be a share between 0 and 1: " + background);
        }
        if (background > 0 && streamMean == 0) {
            throw new HeedStreamsException(
                    "--background "
                            + background
                            + " needs --stream-mean: background is told from the user's speech by"
                            + " the speech its stream heard before it");
        }
        if (babble == 0 && background == 0 && (snr[0] != 0 || snr[1] != 20)) {
            throw new HeedStreamsException(
                    "--babble-snr-range "
                            + babbleSnrRange
                            + " sets the level of the babble of --babble, which is 0: give"
                            + " --babble a share too");
        }
        if ((babbleEdges || babbleUnderQuietest) && babble == 0) {
            throw new HeedStreamsException(
                    "--babble-edges and --babble-under-quietest shape the babble of --babble,"
                            + " which is 0: give --babble a share too");
        }
        if (!(mixedVoices >= 0 && mixedVoices <= 1)) {
            throw new HeedStreamsException(
                    "--mixed-voices must be a share between 0 and 1: " + mixedVoices);
        }
        if (!(vtlp >= 0 && vtlp < 0.5)) {
            throw new HeedStreamsException("--vtlp must be in [0, 0.5): " + vtlp);
        }
        if (streamMean < 0 || !(streamCold >= 0 && streamCold <= 1)) {
            throw new HeedStreamsException(
                    "--stream-mean must be 0 (off) or more recordings and --stream-cold a share"
                            + " between 0 and 1: "
                            + streamMean
                            + ", "
                            + streamCold);
        }
        if (streamPrior < 0 || (streamPrior > 0 && streamMean == 0)) {
            throw new HeedStreamsException(
                    "--stream-prior must be 0 (none) or, with --stream-mean, the speech frames the"
                            + " prior stands for: "
                            + streamPrior);
        }
        if (streamMean > 0 && utteranceMean) {
            throw new HeedStreamsException(
                    "--stream-mean "
                            + streamMean
                            + " and --utterance-mean are exclusive (the stream mean is the"
                            + " utterance's own while its stream has heard nothing before); drop"
                            + " one");
        }
    }

    /** The augmentation recipe these options ask for. */
    SpeechData.Recipe data() {
        double[] snr = snrRange();
        return new SpeechData.Recipe(
                maxWords,
                specAugment,
                speed,
                babble,
                mixedVoices,
                vtlp,
                babbleEdges,
                streamMean,
                streamCold,
                babbleUnderQuietest,
                snr[0],
                snr[1],
                background);
    }

    /** What the descriptor records as {@code data.augmentation}. */
    String describe() {
        return "strings of 1-6 digits (1/3 of batches single digits) by one"
                + " speaker, 50-500 ms pauses, speed +-"
                + Math.round(100 * speed)
                + "% per digit, 0-400 ms lead, reverb 20%, gain"
                + " x0.25-x2, white noise 5-45 dB SNR 85%"
                + (specAugment
                        ? "; SpecAugment: 2 bands of 0-6 mels and 2 spans of 0-8 frames"
                                + " set to the utterance mean"
                        : "")
                + (babble > 0
                        ? "; babble of 3 recordings of the same pool at "
                                + babbleSnrDb()
                                + " dB SNR in "
                                + Math.round(100 * babble)
                                + "% of utterances"
                                + (babbleEdges
                                        ? " (over a random stretch from the first half"
                                                + " into the second; a quarter of"
                                                + " utterances without lead)"
                                        : "")
                                + (babbleUnderQuietest ? ", below the quietest word" : "")
                        : "")
                + (mixedVoices > 0
                        ? "; "
                                + Math.round(100 * mixedVoices)
                                + "% of strings by any speakers of the pool"
                        : "")
                + (vtlp > 0
                        ? "; vocal tract length perturbation: mel axis warped by x"
                                + (1 - vtlp)
                                + "-x"
                                + (1 + vtlp)
                                + " per utterance"
                        : "")
                + (utteranceMean ? "; features less their utterance's speech mean" : "")
                + (streamMean > 0
                        ? "; features less the speech mean of the utterance and the"
                                + " recordings its stream heard before it: none for "
                                + Math.round(100 * streamCold)
                                + "% of utterances, else 1-"
                                + streamMean
                                + " other recordings of the same speaker, joined before it"
                                + " and augmented with it; validation after "
                                + streamMean
                                + (streamPrior > 0
                                        ? "; the speech mean of 1,024 training utterances"
                                                + " weighing what the history lacks of "
                                                + streamPrior
                                                + " speech frames"
                                        : "")
                        : "")
                + (background > 0
                        ? "; "
                                + Math.round(100 * background)
                                + "% of utterances background only: after 1-"
                                + streamMean
                                + " recordings of the speaker, babble of 3 recordings at "
                                + babbleSnrDb()
                                + " dB below that speech and no words, labelled with none"
                        : "")
                + (cepstralKeep > 0
                        ? "; log-mel frames smoothed to " + cepstralKeep + " cepstra"
                        : "");
    }

    /** {@code --babble-snr-range} as two numbers, low then high; refused when it is not that. */
    private double[] snrRange() {
        String[] parts = babbleSnrRange.split(",", -1);
        try {
            if (parts.length == 2) {
                double lo = Double.parseDouble(parts[0].strip());
                double hi = Double.parseDouble(parts[1].strip());
                if (Double.isFinite(lo) && Double.isFinite(hi) && lo <= hi) {
                    return new double[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // refused below, with the value
        }
        throw new HeedStreamsException(
                "--babble-snr-range must be two numbers LO,HI in dB with LO <= HI, such as 5,25:"
                        + " got "
                        + babbleSnrRange);
    }

    /** The range as written in a description: 5-25 rather than 5.0-25.0. */
    private String babbleSnrDb() {
        double[] snr = snrRange();
        return db(snr[0]) + "-" + db(snr[1]);
    }

    /** A decibel figure as written: 20 rather than 20.0. */
    private static String db(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
