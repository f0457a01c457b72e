package dev.heed.models.forecasting;

import ai.djl.Device;
import ai.djl.Model;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.ModelParams;
import java.nio.file.Path;

/**
 * Loads the {@code djl} format: Heed's own {@link PatchTstBlock} built from the descriptor's
 * architecture, its parameters read from the weights file ({@link ModelParams}).
 */
final class DjlFormat {

    private DjlFormat() {}

    /** Builds the block from the descriptor and loads its weights from the model directory. */
    static Model load(Path dir, ModelDescriptor descriptor, Device device)
            throws ModelLoadException {
        PatchTstBlock block;
        try {
            block = PatchTstBlock.of(descriptor);
        } catch (HeedModelException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        Model model;
        try {
            Engines.engine();
            model = Model.newInstance(descriptor.name(), device, Engines.PYTORCH);
        } catch (RuntimeException e) {
            throw new ModelLoadException("cannot create a DJL model on " + device + ": " + e, e);
        }
        try {
            model.setBlock(block);
            ModelParams.load(
                    block,
                    model.getNDManager(),
                    dir.resolve(descriptor.weights()),
                    PatchTstBlock.inputShape(descriptor),
                    descriptor.weightsSha256());
            ModelParams.freeze(block);
        } catch (ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }
}
