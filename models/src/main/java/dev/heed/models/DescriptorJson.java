package dev.heed.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.ModelDescriptor.Normalization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Reads, writes and validates {@code model.json}; the one place that knows its JSON form. */
final class DescriptorJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .setDefaultPropertyInclusion(
                            JsonInclude.Value.construct(
                                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

    /** Formats of networks exported from elsewhere, described only by their inputs and outputs. */
    private static final List<String> EXPORTED = List.of("torchscript", "onnx");

    private DescriptorJson() {}

    /** Reads and validates {@code dir/model.json}. */
    public static ModelDescriptor read(Path dir) throws ModelLoadException {
        Path file = dir.resolve(ModelDescriptor.FILE_NAME);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(
                    "model.json not found in " + dir + ": is this a Heed model directory?", e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(json);
        } catch (HeedModelException e) {
            throw new ModelLoadException(e.getMessage() + " (in " + file + ")", e);
        }
    }

    /** Parses and validates descriptor JSON. */
    public static ModelDescriptor parse(String json) {
        ModelDescriptor descriptor;
        try {
            descriptor = MAPPER.readValue(json, ModelDescriptor.class);
        } catch (JsonProcessingException e) {
            throw new HeedModelException(
                    "model.json: not a valid descriptor: " + e.getOriginalMessage(), e);
        }
        if (descriptor == null) {
            throw new HeedModelException("model.json: empty document");
        }
        return descriptor.validate();
    }

    /** Pretty-printed JSON of a descriptor. */
    public static String toJson(ModelDescriptor descriptor) {
        try {
            return MAPPER.writeValueAsString(descriptor);
        } catch (JsonProcessingException e) {
            throw new HeedModelException(
                    "model.json: cannot serialise descriptor: " + e.getMessage(), e);
        }
    }

    /** Validates and writes {@code dir/model.json}, replacing it atomically. */
    public static void write(ModelDescriptor descriptor, Path dir) throws IOException {
        String json = toJson(descriptor.validate());
        Files.createDirectories(dir);
        Path tmp = dir.resolve(ModelDescriptor.FILE_NAME + ".tmp");
        Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
        Files.move(
                tmp,
                dir.resolve(ModelDescriptor.FILE_NAME),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Checks every field of a descriptor; the message names the field and the bad value. */
    public static void validate(ModelDescriptor d) {
        require(notBlank(d.format()), "format is required (djl, torchscript or onnx)");
        require(notBlank(d.name()), "name is required");
        require(notBlank(d.version()), "version is required");
        require(d.window() > 0, "window must be > 0: " + d.window());
        require(d.horizon() > 0, "horizon must be > 0: " + d.horizon());
        validateVariables(d);
        validateNormalization(d);
        require(
                d.outputs().prediction() >= 0 && d.outputs().attention() >= 0,
                "outputs indices must be >= 0: " + d.outputs());
        require(
                d.outputs().prediction() != d.outputs().attention(),
                "outputs prediction and attention must differ: " + d.outputs());
        for (String method : d.attentionMethods()) {
            try {
                AttentionMethod.parse(method);
            } catch (HeedModelException e) {
                throw new HeedModelException("model.json: " + e.getMessage(), e);
            }
        }
        String format = d.format().toLowerCase(Locale.ROOT);
        if ("djl".equals(format)) {
            require(d.architecture() != null, "architecture is required for format djl");
            require(notBlank(d.weights()), "weights (the parameter file name) is required for djl");
            validateArchitecture(d.architecture(), d.window());
        } else if (EXPORTED.contains(format)) {
            require(
                    d.architecture() != null,
                    "architecture with patch_len and patch_stride is required for format "
                            + d.format()
                            + " (they map attention tokens to time steps)");
            require(
                    notBlank(d.weights()),
                    "weights (the " + format + " file name) is required for format " + d.format());
            validateTokenMapping(d.architecture(), d.window());
        } else if (d.architecture() != null) {
            validateTokenMapping(d.architecture(), d.window());
        }
    }

    private static void validateVariables(ModelDescriptor d) {
        List<String> variables = d.variables();
        require(!variables.isEmpty(), "variables must list at least one name, or be [\"*\"]");
        if (variables.contains(ModelDescriptor.ANY_VARIABLES)) {
            require(
                    variables.size() == 1,
                    "variables: \"*\" (channel-independent) must be the only entry: " + variables);
        }
        require(
                new HashSet<>(variables).size() == variables.size(),
                "variables must be unique: " + variables);
        for (String v : variables) {
            require(notBlank(v), "variables must not be blank: " + variables);
        }
    }

    private static void validateNormalization(ModelDescriptor d) {
        Normalization n = d.normalization();
        if (n.isEmpty()) {
            return;
        }
        require(
                !d.channelIndependent(),
                "normalization must be empty for channel-independent (\"*\") models: mean "
                        + n.mean());
        require(
                n.mean().size() == d.variables().size() && n.std().size() == d.variables().size(),
                "normalization mean and std need one value per variable ("
                        + d.variables().size()
                        + "): mean has "
                        + n.mean().size()
                        + ", std has "
                        + n.std().size());
        for (int i = 0; i < n.mean().size(); i++) {
            Double mean = n.mean().get(i);
            Double std = n.std().get(i);
            require(
                    mean != null && Double.isFinite(mean),
                    "normalization mean of " + d.variables().get(i) + " must be finite: " + mean);
            require(
                    std != null && Double.isFinite(std) && std > 0,
                    "normalization std of " + d.variables().get(i) + " must be > 0: " + std);
        }
    }

    /**
     * Checks what an exported network's architecture block must tell: patch length and stride that
     * fit the window; the other fields are optional (0 when unknown), and {@code layers} and {@code
     * heads}, when given, are checked against the attention output at load.
     */
    static void validateTokenMapping(Architecture a, int window) {
        validatePatches(a, window);
        require(
                a.dModel() >= 0 && a.heads() >= 0 && a.layers() >= 0 && a.ffDim() >= 0,
                "architecture d_model, heads, layers and ff_dim must be >= 0 (0 when unknown): "
                        + a.dModel()
                        + ", "
                        + a.heads()
                        + ", "
                        + a.layers()
                        + ", "
                        + a.ffDim());
    }

    /** Patch length and stride that fit the window: what mapping tokens to steps needs. */
    private static void validatePatches(Architecture a, int window) {
        require(a.patchLen() > 0, "architecture.patch_len must be > 0: " + a.patchLen());
        require(a.patchStride() > 0, "architecture.patch_stride must be > 0: " + a.patchStride());
        require(
                a.patchLen() <= window,
                "architecture.patch_len must be <= window: " + a.patchLen() + " > " + window);
    }

    /** Checks architecture hyper-parameters against the window they are used with. */
    public static void validateArchitecture(Architecture a, int window) {
        require(
                Architecture.PATCH_TRANSFORMER.equals(a.type()),
                "architecture.type must be " + Architecture.PATCH_TRANSFORMER + ": " + a.type());
        require(a.dModel() > 0, "architecture.d_model must be > 0: " + a.dModel());
        require(a.heads() > 0, "architecture.heads must be > 0: " + a.heads());
        require(
                a.dModel() % Math.max(1, a.heads()) == 0,
                "architecture.d_model must be divisible by heads: "
                        + a.dModel()
                        + " % "
                        + a.heads()
                        + " = "
                        + a.dModel() % Math.max(1, a.heads()));
        require(a.layers() > 0, "architecture.layers must be > 0: " + a.layers());
        require(a.ffDim() > 0, "architecture.ff_dim must be > 0: " + a.ffDim());
        validatePatches(a, window);
        require(
                a.dropout() >= 0 && a.dropout() < 1,
                "architecture.dropout must be in [0, 1): " + a.dropout());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new HeedModelException("model.json: " + message);
        }
    }
}
