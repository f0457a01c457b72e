package dev.heed.models.formats;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the {@code onnx} format: a {@code .onnx} graph run by DJL's ONNX Runtime engine on the CPU.
 * Its NDArrays are only created and read back as float arrays; everything else happens in plain
 * Java ({@code WindowBatch}). ONNX Runtime uses as many intra-op threads as PyTorch ({@code
 * ai.djl.pytorch.num_threads}, default 1) and one inter-op thread.
 */
public final class OnnxFormat {

    private OnnxFormat() {}

    /** Opens an ONNX Runtime session on the graph named by {@code weights}. */
    public static Model load(Path dir, ModelDescriptor descriptor, DeviceChoice device)
            throws ModelLoadException {
        if (device == DeviceChoice.GPU) {
            throw new ModelLoadException(
                    "device gpu requested but format onnx runs on ONNX Runtime's CPU build; use device cpu"
                            + " or auto, or export the model as torchscript");
        }
        Path file = WeightsFile.of(dir, descriptor);
        Engine engine;
        try {
            engine = Engines.onnxRuntime();
        } catch (HeedModelException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        Model model = engine.newModel(descriptor.name(), Device.cpu());
        Map<String, String> options = new HashMap<>();
        options.put("interOpNumThreads", "1");
        if (Engines.threads() > 0) {
            options.put("intraOpNumThreads", Integer.toString(Engines.threads()));
        }
        try {
            model.load(file, null, options);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw WeightsFile.unloadable(file, "ONNX", "an ONNX graph (torch.onnx.export)", e);
        }
        return model;
    }
}
