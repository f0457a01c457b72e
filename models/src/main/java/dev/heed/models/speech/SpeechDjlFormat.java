package dev.heed.models.speech;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import dev.heed.models.ModelLoadException;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.ModelParams;
import java.nio.file.Path;

/** Loads the {@code djl} speech format: a {@link SpeechCtcBlock} and its parameters file. */
final class SpeechDjlFormat {

    private SpeechDjlFormat() {}

    /** Builds the block from the descriptor and loads its weights. */
    static Model load(Path dir, SpeechDescriptor d, int vocab, Device device)
            throws ModelLoadException {
        SpeechCtcBlock block;
        try {
            block = new SpeechCtcBlock(d.architecture(), vocab);
        } catch (RuntimeException e) {
            throw new ModelLoadException("model.json architecture: " + e.getMessage(), e);
        }
        Engines.engine();
        Model model = Model.newInstance(d.name(), device, Engines.PYTORCH);
        try {
            model.setBlock(block);
            ModelParams.load(
                    block,
                    model.getNDManager(),
                    dir.resolve(d.weights()),
                    new Shape(1, 100, d.features().mels()),
                    d.weightsSha256());
            ModelParams.freeze(block);
        } catch (ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }
}
