package dev.heed.models.formats;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.heed.models.ModelLoadException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code djl} weights file: a magic header, then DJL's own block parameter encoding. Loading
 * checks the header, the SHA-256 when known, every parameter's shape against the architecture, and
 * that nothing is left over.
 */
public final class ModelParams {

    /** Default weights file name of a {@code djl} model. */
    public static final String FILE_NAME = "model.params";

    private static final byte[] MAGIC = "HEED-DJL-PARAMS1".getBytes(StandardCharsets.US_ASCII);

    private ModelParams() {}

    /** Writes a block's parameters, replacing the file atomically. */
    public static void save(Block block, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.write(MAGIC);
            block.saveParameters(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads parameters into a block built from the descriptor's architecture.
     *
     * @param inputShape a model input shape {@code (B, T, C)}, used to derive the expected shapes
     * @param sha256 the expected SHA-256 of the file, or null to skip the check
     */
    public static void load(
            Block block, NDManager manager, Path file, Shape inputShape, String sha256)
            throws ModelLoadException {
        WeightsFile.verify(file, sha256);
        Map<String, Shape> expected = expectedShapes(block, manager, inputShape);
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelLoadException("not a Heed djl weights file (bad header): " + file);
            }
            block.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new ModelLoadException(
                        "model weights "
                                + file
                                + " hold more parameters than model.json's architecture"
                                + " describes (more layers?)");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new ModelLoadException(
                    "cannot load model weights "
                            + file
                            + ": "
                            + (e.getMessage() == null ? e.toString() : e.getMessage())
                            + "; the file is corrupt or was written for a different architecture",
                    e);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape want = expected.get(p.getKey());
            Shape got = p.getValue().getArray().getShape();
            if (!got.equals(want)) {
                throw new ModelLoadException(
                        "model weights "
                                + file
                                + " do not match model.json: parameter "
                                + p.getKey()
                                + " has shape "
                                + got
                                + ", the architecture expects "
                                + want);
            }
        }
    }

    /** Parameter shapes of the block as its architecture defines them. */
    private static Map<String, Shape> expectedShapes(
            Block block, NDManager manager, Shape inputShape) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        try (NDManager scratch = manager.newSubManager()) {
            block.initialize(scratch, DataType.FLOAT32, inputShape);
            for (Pair<String, Parameter> p : block.getParameters()) {
                shapes.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        return shapes;
    }

    /**
     * Marks every parameter of {@code block} as not needing gradients: a model loaded to serve then
     * records no autograd graph over its weights in its forward passes (PyTorch's grad mode is on
     * by default in every thread), and an explanation's backward pass computes the input's gradient
     * only, not the weights'.
     */
    public static void freeze(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                p.getValue().getArray().setRequiresGradient(false);
            }
        }
    }
}
