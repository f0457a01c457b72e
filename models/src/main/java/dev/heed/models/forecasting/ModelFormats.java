package dev.heed.models.forecasting;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.OnnxFormat;
import dev.heed.models.formats.TorchScriptFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Picks the loader for a descriptor's format; the result behaves the same for every format. */
final class ModelFormats {

    /** The formats {@link #load} accepts, in {@code model.json}'s spelling. */
    public static final List<String> SUPPORTED = List.of("djl", "torchscript", "onnx");

    private ModelFormats() {}

    /**
     * Loads a model directory whose descriptor has been read and validated.
     *
     * @throws ModelLoadException if the format is unknown, the weights are missing, corrupt or do
     *     not fit the descriptor, or the device is unavailable
     */
    public static ForecastModel load(Path dir, ModelDescriptor descriptor, DeviceChoice device)
            throws ModelLoadException {
        String format = descriptor.format().toLowerCase(Locale.ROOT);
        switch (format) {
            case "djl":
                return NetworkForecastModel.open(
                        descriptor, DjlFormat.load(dir, descriptor, Engines.device(device)), dir);
            case "torchscript":
                return NetworkForecastModel.open(
                        descriptor,
                        TorchScriptFormat.load(dir, descriptor, Engines.device(device)),
                        dir);
            case "onnx":
                return NetworkForecastModel.open(
                        descriptor, OnnxFormat.load(dir, descriptor, device), dir);
            default:
                throw new ModelLoadException(
                        "model.json: unknown format '"
                                + descriptor.format()
                                + "'; supported formats: "
                                + String.join(", ", SUPPORTED)
                                + " (in "
                                + dir
                                + ")");
        }
    }
}
