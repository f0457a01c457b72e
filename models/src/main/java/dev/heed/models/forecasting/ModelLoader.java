package dev.heed.models.forecasting;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.training.ForecastTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a model directory ({@code model.json} plus weights) onto a device.
 *
 * <p>One loader for three formats, chosen by the descriptor's {@code format}:
 *
 * <ul>
 *   <li>{@code djl}: Heed's own patch transformer, trained by {@link ForecastTrainer}; the weights
 *       are DJL parameters and the architecture block describes the whole network.
 *   <li>{@code torchscript}: a {@code .pt} archive from {@code torch.jit.save}, run by DJL's
 *       PyTorch engine on the chosen device.
 *   <li>{@code onnx}: a {@code .onnx} graph run by DJL's ONNX Runtime engine on the CPU; export it
 *       with a dynamic batch axis.
 * </ul>
 *
 * <p>An exported network must follow the model contract of {@link ModelDescriptor}: input {@code
 * (B, T, C)}, outputs prediction {@code (B, horizon, C)} and attention {@code (B*C, L, H, N, N)} at
 * the descriptor's {@code outputs} indices; its architecture block needs only {@code patch_len} and
 * {@code patch_stride} (to map attention tokens to time steps), and {@code layers} and {@code
 * heads} when given are checked against the attention. Loading runs the network once on a synthetic
 * batch of two windows, so a network that does not fit its descriptor fails here, not on the first
 * record. Whatever the format, the {@link Forecaster}s behave the same: normalisation, grouping of
 * channel-independent variables, input checks and attention summaries are shared.
 *
 * <p>Nothing is downloaded: both engines run offline from the natives on the classpath.
 */
public final class ModelLoader {

    /** The {@code model.json} formats this version can load. */
    public static final String SUPPORTED_FORMATS = String.join(", ", ModelFormats.SUPPORTED);

    private ModelLoader() {}

    /**
     * Reads the directory's {@code model.json}, loads the network its format names, and checks it
     * against the descriptor.
     *
     * @param dir the model directory
     * @param device {@code cpu}; {@code gpu} (fails without one, and always for {@code onnx});
     *     {@code auto} (a GPU when the PyTorch engine reports one, else the CPU; always the CPU for
     *     {@code onnx})
     * @throws ModelLoadException if the directory, descriptor or weights are missing, unreadable,
     *     corrupt (SHA-256 mismatch) or inconsistent with the descriptor (output count or shapes),
     *     the format is unknown, or the device is unavailable
     */
    public static ForecastModel load(Path dir, DeviceChoice device) throws ModelLoadException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(device, "device");
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(
                    "model directory not found: "
                            + dir.toAbsolutePath()
                            + " (expected a folder with "
                            + ModelDescriptor.FILE_NAME
                            + ")");
        }
        return ModelFormats.load(dir, ModelDescriptor.read(dir), device);
    }
}
