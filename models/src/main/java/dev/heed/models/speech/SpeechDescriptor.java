package dev.heed.models.speech;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} of a speech (CTC) model directory: the network, the features it expects,
 * its vocabulary file, and how it was made. Serialised as snake_case JSON with {@code task} {@value
 * #TASK}, which tells it apart from a forecaster's {@link ModelDescriptor}.
 *
 * <p>The model contract, for every {@link #format() format}: input {@code (B, T, M)} float32
 * log-mel frames as {@link #features()} describes, smoothed across mels when {@link
 * #cepstralKeep()} ({@link CepstralSmoothing}), less their utterance's speech mean when {@link
 * #utteranceMean()} ({@link UtteranceMean}) or their stream's when {@link #streamMean()} ({@link
 * StreamMean}), then normalised with {@link #normalization()} (identity when empty); output {@code
 * outputs.log_probs}: {@code (B, T', V)} log-probabilities (or logits; a log-softmax is applied)
 * over the vocabulary in file order, blank first, with about {@code T / subsampling} steps T';
 * output {@code outputs.attention} when not -1: {@code (B, H, T', T')} self-attention probabilities
 * of one encoder layer.
 *
 * @param format {@code djl} (Heed's own), {@code torchscript} or {@code onnx}
 * @param task always {@value #TASK}
 * @param name a human name
 * @param version the model's version
 * @param architecture the network's hyper-parameters ({@code djl}); informational otherwise
 * @param features how to compute the input features
 * @param normalization per-mel z-score applied before the network; empty for none
 * @param utteranceMean whether each utterance's per-mel mean over its speech frames is subtracted
 *     first ({@link UtteranceMean}); absent is false
 * @param streamMean whether the mean subtracted is that of the utterance's and its stream's earlier
 *     utterances' speech frames together ({@link StreamMean}: the speaker's and microphone's, the
 *     utterance's own when the stream has none); absent is false; not with {@code utteranceMean}
 * @param streamPrior with {@code streamMean}: the population's speech mean that stands in for what
 *     a stream's history lacks of its frames ({@link StreamPrior}); absent is none
 * @param cepstralKeep how many cepstral coefficients of each frame's log-mel spectrum are kept
 *     ({@link CepstralSmoothing}): the spectral envelope without a voice's pitch harmonics; absent
 *     or 0 keeps the frames as they are
 * @param minRepeatGap seconds within which a token that follows the same token, with only blanks
 *     between, is taken as the same utterance of it (merged) rather than said twice: for word
 *     tokens, shorter than a word takes to say again; absent or 0 is plain CTC decoding (a blank
 *     between two runs always separates them)
 * @param blankPenalty natural-log units taken off the blank's log-probability at every step before
 *     the best path is taken: a word whose steps the blank narrowly outscores is kept rather than
 *     dropped, at the cost of more inserted words; absent or 0 is plain greedy decoding
 * @param subsampling feature frames per output step (4 for Heed's model)
 * @param vocabulary the vocabulary file in the model directory: one token per line, blank first
 * @param outputs which network output holds what
 * @param weights the weights file in the model directory
 * @param weightsSha256 SHA-256 of the weights, checked on load when present
 * @param data the training data, when known
 * @param training how the model was trained, when known
 * @param metrics measured figures by name, such as {@code test_digit_accuracy}
 * @param created ISO-8601 instant of creation
 * @param heedVersion the Heed version that wrote the descriptor
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpeechDescriptor(
        String format,
        String task,
        String name,
        String version,
        Architecture architecture,
        Features features,
        ModelDescriptor.Normalization normalization,
        boolean utteranceMean,
        boolean streamMean,
        StreamPrior streamPrior,
        int cepstralKeep,
        double minRepeatGap,
        double blankPenalty,
        int subsampling,
        String vocabulary,
        Outputs outputs,
        String weights,
        String weightsSha256,
        Map<String, Object> data,
        ModelDescriptor.Training training,
        Map<String, Double> metrics,
        String created,
        String heedVersion) {

    /** The {@code task} of a speech model. */
    public static final String TASK = "speech-ctc";

    /** Fills absent optional parts with their defaults and copies collections. */
    public SpeechDescriptor {
        normalization = normalization == null ? ModelDescriptor.Normalization.NONE : normalization;
        outputs = outputs == null ? Outputs.DEFAULT : outputs;
        streamPrior = streamPrior == null ? StreamPrior.NONE : streamPrior;
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metrics =
                metrics == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Reads and validates {@code model.json} in a model directory. */
    public static SpeechDescriptor read(Path modelDir) throws ModelLoadException {
        return SpeechDescriptorJson.read(modelDir);
    }

    /** Validates and writes this descriptor as {@code model.json} into a model directory. */
    public void write(Path modelDir) throws IOException {
        SpeechDescriptorJson.write(this, modelDir);
    }

    /** This descriptor as pretty-printed JSON. */
    public String toJson() {
        return SpeechDescriptorJson.toJson(this);
    }

    /** A copy with other metrics. */
    public SpeechDescriptor withMetrics(Map<String, Double> newMetrics) {
        return new SpeechDescriptor(
                format,
                task,
                name,
                version,
                architecture,
                features,
                normalization,
                utteranceMean,
                streamMean,
                streamPrior,
                cepstralKeep,
                minRepeatGap,
                blankPenalty,
                subsampling,
                vocabulary,
                outputs,
                weights,
                weightsSha256,
                data,
                training,
                newMetrics,
                created,
                heedVersion);
    }

    /**
     * Network hyper-parameters of Heed's conv-subsampling transformer CTC model.
     *
     * @param type {@value #CONV_TRANSFORMER_CTC}
     * @param preNorm layer norm before each sub-layer (and once after the stack) instead of after
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Architecture(
            String type,
            int convChannels,
            int dModel,
            int heads,
            int layers,
            int ffDim,
            double dropout,
            boolean preNorm) {
        /** The architecture trained and loaded by this module. */
        public static final String CONV_TRANSFORMER_CTC = "conv-transformer-ctc";
    }

    /**
     * Log-mel features, as the audio module's {@code FeatureConfig} computes them.
     *
     * @param kind {@value #LOG_MEL}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Features(
            String kind,
            int sampleRate,
            int frameLength,
            int hop,
            int fftSize,
            int mels,
            double minHz,
            double maxHz,
            double preEmphasis) {
        /** Natural-log mel filterbank energies. */
        public static final String LOG_MEL = "log-mel";

        /** Seconds between feature frames. */
        @JsonIgnore
        public double frameSeconds() {
            return hop / (double) sampleRate;
        }
    }

    /** Network output indices; {@code attention} -1 when the network gives none. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Outputs(int logProbs, int attention) {
        /** Log-probabilities first, attention second. */
        public static final Outputs DEFAULT = new Outputs(0, 1);
    }

    /** Seconds per output step. */
    @JsonIgnore
    public double stepSeconds() {
        return features.frameSeconds() * subsampling;
    }

    /** The vocabulary file's tokens, given the directory. */
    public List<String> readVocabulary(Path modelDir) throws ModelLoadException {
        return SpeechDescriptorJson.readVocabulary(modelDir, this);
    }
}
