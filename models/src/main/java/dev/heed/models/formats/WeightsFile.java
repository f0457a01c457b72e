package dev.heed.models.formats;

import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.internal.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The weights file a descriptor names: present, and the bytes it was written with. */
final class WeightsFile {

    private WeightsFile() {}

    /**
     * Resolves {@code descriptor.weights()} in the model directory and checks it.
     *
     * @return the weights file
     * @throws ModelLoadException if it is missing, unreadable, or its SHA-256 differs from {@code
     *     weights_sha256}
     */
    static Path of(Path dir, ModelDescriptor descriptor) throws ModelLoadException {
        Path file = dir.resolve(descriptor.weights());
        verify(file, descriptor.weightsSha256());
        return file;
    }

    /** Checks that the file exists and, when {@code sha256} is not null, that its hash matches. */
    static void verify(Path file, String sha256) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(
                    "model weights not found: " + file + " (named by model.json's \"weights\")");
        }
        if (sha256 == null) {
            return;
        }
        String actual;
        try {
            actual = Hashing.sha256(file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model weights " + file + ": " + e, e);
        }
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new ModelLoadException(
                    "model weights "
                            + file
                            + " are corrupt or replaced: sha256 is "
                            + actual
                            + ", model.json expects "
                            + sha256);
        }
    }

    /** The error for weights that exist but that the engine cannot load. */
    static ModelLoadException unloadable(Path file, String format, String expected, Throwable e) {
        return new ModelLoadException(
                "cannot load "
                        + format
                        + " model "
                        + file
                        + ": "
                        + EngineErrors.summary(e)
                        + "; the file is corrupt or not "
                        + expected,
                e);
    }
}
