package dev.heed.models.formats;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the {@code torchscript} format: a {@code .pt} archive written by {@code torch.jit.save},
 * run by DJL's PyTorch engine. The network is the user's; only its inputs and outputs follow the
 * model contract of {@link ModelDescriptor}.
 */
public final class TorchScriptFormat {

    private TorchScriptFormat() {}

    /** Loads the archive named by {@code weights} onto the device (tensors mapped there). */
    public static Model load(Path dir, ModelDescriptor descriptor, Device device)
            throws ModelLoadException {
        Path file = WeightsFile.of(dir, descriptor);
        Model model;
        try {
            Engines.engine();
            model = Model.newInstance(descriptor.name(), device, Engines.PYTORCH);
        } catch (RuntimeException e) {
            throw new ModelLoadException(
                    "cannot create a PyTorch model on " + device + ": " + e, e);
        }
        try {
            model.load(file, null, Map.of("mapLocation", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw WeightsFile.unloadable(
                    file,
                    "TorchScript",
                    "a TorchScript archive (torch.jit.script or trace, then save)",
                    e);
        }
        return model;
    }
}
