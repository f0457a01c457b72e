package dev.heed.models.speech;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded speech (CTC) model: its descriptor, vocabulary and network. Thread-safe; each thread
 * takes its own {@link Transcriber}. Close it to free the network.
 *
 * <p>Loaded like the forecasters of {@link ModelLoader}: a directory with {@code model.json} (a
 * {@link SpeechDescriptor}), the weights and the vocabulary file; format {@code djl} is Heed's own
 * conv-transformer trained by {@code heed train speech}, {@code torchscript} and {@code onnx} bring
 * your own CTC network that follows the contract in {@link SpeechDescriptor}. Loading runs the
 * network once on synthetic features, so a network that does not fit fails here.
 */
public interface SpeechModel extends AutoCloseable {

    /**
     * Loads a speech model directory.
     *
     * @param device {@code cpu}, {@code gpu} or {@code auto}; {@code onnx} runs on the CPU
     * @throws ModelLoadException if the directory, descriptor, vocabulary or weights are missing,
     *     corrupt or do not fit each other
     */
    static SpeechModel load(Path dir, DeviceChoice device) throws ModelLoadException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(device, "device");
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(
                    "speech model directory not found: "
                            + dir.toAbsolutePath()
                            + " (expected a folder with "
                            + ModelDescriptor.FILE_NAME
                            + ")");
        }
        return SpeechNetwork.load(dir, SpeechDescriptor.read(dir), device);
    }

    /** The descriptor. */
    SpeechDescriptor descriptor();

    /** The tokens, blank first. */
    List<String> vocabulary();

    /** Fewest feature frames that give one output step. */
    int minFrames();

    /** A transcriber for the calling thread. */
    Transcriber newTranscriber();

    @Override
    void close();
}
