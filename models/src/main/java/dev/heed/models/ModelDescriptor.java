package dev.heed.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.heed.models.forecasting.ModelLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} descriptor of a model directory: what the model is, how to feed it, and
 * how it was made. Serialised as snake_case JSON; immutable.
 *
 * <p>The model contract, for every {@link #format() format}: input {@code (B, T, C)} float32 values
 * already z-scored with {@link #normalization()} (identity when empty); outputs at {@link
 * #outputs()} indices: prediction {@code (B, horizon, C)} in the same normalised units, attention
 * {@code (B*C, L, H, N, N)}. A {@link #variables()} list of just {@code "*"} marks a
 * channel-independent model: any number of variables, each forecast alone (C = 1 per series).
 *
 * @param format how the network is stored: {@code djl} (Heed's own), {@code torchscript} or {@code
 *     onnx} (exported from PyTorch); see {@link ModelLoader}
 * @param name a human name for the model
 * @param version the model's version, such as its creation instant or a user string
 * @param architecture the network's hyper-parameters: all of them for {@code djl}; for {@code
 *     torchscript} and {@code onnx} at least {@code patch_len} and {@code patch_stride}
 * @param variables the input variables in order, or just {@code "*"} (channel-independent)
 * @param window input steps T
 * @param horizon forecast steps
 * @param normalization global per-variable z-score applied outside the model; empty for none
 * @param instanceNorm whether the model normalises each series over its window inside (RevIN)
 * @param outputs which model output index holds what
 * @param attentionMethods the attention summaries the model supports, as wire names
 * @param weights the weights file name inside the model directory, such as {@code model.params},
 *     {@code model.pt} or {@code model.onnx}
 * @param weightsSha256 SHA-256 of the weights file, checked on load when present
 * @param data the training data, when known
 * @param training how the model was trained, when known
 * @param metrics the model's errors on held-out data (normalised scale), when known
 * @param created ISO-8601 instant of creation
 * @param heedVersion the Heed version that wrote the descriptor
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelDescriptor(
        String format,
        String name,
        String version,
        Architecture architecture,
        List<String> variables,
        int window,
        int horizon,
        Normalization normalization,
        boolean instanceNorm,
        Outputs outputs,
        List<String> attentionMethods,
        String weights,
        String weightsSha256,
        Data data,
        Training training,
        Metrics metrics,
        String created,
        String heedVersion) {

    /** The descriptor's file name inside a model directory. */
    public static final String FILE_NAME = "model.json";

    /** The {@link #variables()} entry of a channel-independent model. */
    public static final String ANY_VARIABLES = "*";

    /** Copies lists and fills absent optional parts with their empty defaults. */
    public ModelDescriptor {
        variables = variables == null ? List.of() : List.copyOf(variables);
        normalization = normalization == null ? Normalization.NONE : normalization;
        outputs = outputs == null ? Outputs.DEFAULT : outputs;
        attentionMethods = attentionMethods == null ? List.of() : List.copyOf(attentionMethods);
    }

    /** Reads and validates {@code model.json} in a model directory. */
    public static ModelDescriptor read(Path modelDir) throws ModelLoadException {
        return DescriptorJson.read(modelDir);
    }

    /** Parses and validates a descriptor from JSON text. */
    public static ModelDescriptor fromJson(String json) {
        return DescriptorJson.parse(json);
    }

    /** Validates this descriptor and writes it as {@code model.json} into a model directory. */
    public void write(Path modelDir) throws IOException {
        DescriptorJson.write(this, modelDir);
    }

    /** This descriptor as pretty-printed JSON. */
    public String toJson() {
        return DescriptorJson.toJson(this);
    }

    /**
     * Checks every field; throws a {@link HeedModelException} whose message starts with {@code
     * model.json:} and names the bad value.
     */
    public ModelDescriptor validate() {
        DescriptorJson.validate(this);
        return this;
    }

    /** Whether any number of variables is accepted, each forecast alone. */
    @JsonIgnore
    public boolean channelIndependent() {
        return variables.equals(List.of(ANY_VARIABLES));
    }

    /**
     * Network hyper-parameters of a patch transformer. A {@code djl} model needs every field; an
     * exported ({@code torchscript}, {@code onnx}) model needs {@code patch_len} and {@code
     * patch_stride}, which map its attention tokens to time steps, and may leave the rest 0
     * (unknown); {@code layers} and {@code heads}, when given, must match its attention output.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Architecture(
            String type,
            int dModel,
            int heads,
            int layers,
            int ffDim,
            int patchLen,
            int patchStride,
            double dropout) {

        /** The architecture type trained and loaded by this module. */
        public static final String PATCH_TRANSFORMER = "patch-transformer";

        /** Tokens per series for a window of {@code steps}: {@code (T - P) / S + 2}. */
        public int patches(int steps) {
            return (steps - patchLen) / patchStride + 2;
        }

        /**
         * Checks these hyper-parameters against the window they are used with.
         *
         * @throws HeedModelException naming the first value that does not fit
         */
        public void validate(int window) {
            DescriptorJson.validateArchitecture(this, window);
        }
    }

    /** Global per-variable z-score statistics; both lists empty when none. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Normalization(List<Double> mean, List<Double> std) {
        /** No global normalisation. */
        public static final Normalization NONE = new Normalization(List.of(), List.of());

        /** Copies the lists. */
        public Normalization {
            mean = mean == null ? List.of() : List.copyOf(mean);
            std = std == null ? List.of() : List.copyOf(std);
        }

        /** Whether no statistics are present. */
        @JsonIgnore
        public boolean isEmpty() {
            return mean.isEmpty() && std.isEmpty();
        }
    }

    /** Model output indices. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Outputs(int prediction, int attention) {
        /** Prediction first, attention second. */
        public static final Outputs DEFAULT = new Outputs(0, 1);
    }

    /**
     * The training data.
     *
     * @param files the CSV files as given
     * @param sha256 per file, its SHA-256
     * @param rows per file, its data rows
     * @param target the target column(s) option
     * @param split the chronological split option, such as {@code 0.7,0.1,0.2}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Data(
            List<String> files,
            Map<String, String> sha256,
            Map<String, Integer> rows,
            String target,
            String split) {
        /** Copies the collections, keeping their order. */
        public Data {
            files = files == null ? List.of() : List.copyOf(files);
            sha256 =
                    sha256 == null
                            ? Map.of()
                            : Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
            rows = rows == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }
    }

    /** How the model was trained. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Training(
            String command,
            long seed,
            int epochsRun,
            int bestEpoch,
            int batchSize,
            double learningRate,
            String schedule,
            double clipNorm,
            int nanRollbacks,
            int threads,
            double seconds) {}

    /** Errors on the validation and test splits in normalised units; null when not finite. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metrics(Double valMse, Double valMae, Double testMse, Double testMae) {}
}
