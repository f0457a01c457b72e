package dev.heed.models;

import dev.heed.models.internal.DjlForecastModel;
import dev.heed.models.internal.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Loads a model directory ({@code model.json} plus weights) onto a device. */
public final class ModelLoader {

  /** The {@code model.json} formats this version can load. */
  public static final String SUPPORTED_FORMATS = "djl";

  private ModelLoader() {}

  /**
   * Reads the directory's {@code model.json}, builds the model its format and architecture
   * describe, and loads its weights.
   *
   * @param dir the model directory
   * @param device {@code cpu}; {@code gpu} (fails without one); {@code auto} (a GPU when the engine
   *     reports one, else the CPU)
   * @throws ModelLoadException if the directory, descriptor or weights are missing, unreadable or
   *     inconsistent, the format is not supported, or the device is unavailable
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
    ModelDescriptor descriptor = ModelDescriptor.read(dir);
    String format = descriptor.format().toLowerCase(Locale.ROOT);
    switch (format) {
      case "djl":
        return DjlForecastModel.load(dir, descriptor, Engines.device(device));
      case "torchscript":
      case "onnx":
        throw new ModelLoadException(
            "model.json: format '"
                + descriptor.format()
                + "' is not supported by this Heed"
                + " version yet; supported formats: "
                + SUPPORTED_FORMATS
                + " (in "
                + dir
                + ")");
      default:
        throw new ModelLoadException(
            "model.json: unknown format '"
                + descriptor.format()
                + "'; supported formats: "
                + SUPPORTED_FORMATS
                + " (torchscript and onnx are planned) (in "
                + dir
                + ")");
    }
  }
}
