package dev.heed.models.speech;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.OnnxFormat;
import dev.heed.models.formats.TorchScriptFormat;
import dev.heed.models.nn.ConvSubsampling;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link SpeechModel} over a DJL model of any format. */
final class SpeechNetwork implements SpeechModel {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechNetwork.class);
    private static final int PROBE_FRAMES = 50;

    private final SpeechDescriptor descriptor;
    private final List<String> vocabulary;
    private final Model model;
    private final AtomicBoolean closed = new AtomicBoolean();

    SpeechNetwork(SpeechDescriptor descriptor, List<String> vocabulary, Model model) {
        this.descriptor = descriptor;
        this.vocabulary = List.copyOf(vocabulary);
        this.model = model;
    }

    /** Loads the network the descriptor's format names and probes it once. */
    public static SpeechModel load(Path dir, SpeechDescriptor d, DeviceChoice device)
            throws ModelLoadException {
        List<String> vocabulary = d.readVocabulary(dir);
        Model model = open(dir, d, vocabulary.size(), device);
        SpeechNetwork network = new SpeechNetwork(d, vocabulary, model);
        try {
            float[][] probe = new float[PROBE_FRAMES][d.features().mels()];
            for (int t = 0; t < probe.length; t++) {
                for (int m = 0; m < probe[t].length; m++) {
                    probe[t][m] = (float) Math.sin(0.37 * (t * probe[t].length + m)) - 5f;
                }
            }
            network.newTranscriber().transcribe(probe);
        } catch (HeedModelException e) {
            model.close();
            throw new ModelLoadException(
                    "speech model "
                            + d.name()
                            + " does not fit model.json: "
                            + e.getMessage()
                            + " (in "
                            + dir
                            + ")",
                    e);
        }
        LOG.info(
                "loaded {} speech model {} version {} from {} ({} tokens)",
                d.format(),
                d.name(),
                d.version(),
                dir,
                vocabulary.size());
        return network;
    }

    private static Model open(Path dir, SpeechDescriptor d, int vocab, DeviceChoice device)
            throws ModelLoadException {
        String format = d.format().toLowerCase(Locale.ROOT);
        ModelDescriptor shim = weightsOnly(d);
        switch (format) {
            case "djl":
                return SpeechDjlFormat.load(dir, d, vocab, Engines.device(device));
            case "torchscript":
                return TorchScriptFormat.load(dir, shim, Engines.device(device));
            case "onnx":
                return OnnxFormat.load(dir, shim, device);
            default:
                throw new ModelLoadException(
                        "model.json: unknown format '"
                                + d.format()
                                + "'; supported formats: djl, torchscript, onnx (in "
                                + dir
                                + ")");
        }
    }

    /** The fields of a forecaster descriptor that the shared format loaders read. */
    private static ModelDescriptor weightsOnly(SpeechDescriptor d) {
        return new ModelDescriptor(
                d.format(),
                d.name(),
                d.version(),
                null,
                List.of(),
                0,
                0,
                null,
                false,
                null,
                List.of(),
                d.weights(),
                d.weightsSha256(),
                null,
                null,
                null,
                d.created(),
                d.heedVersion());
    }

    @Override
    public SpeechDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<String> vocabulary() {
        return vocabulary;
    }

    @Override
    public int minFrames() {
        return "djl".equals(descriptor.format())
                ? ConvSubsampling.MIN_FRAMES
                : descriptor.subsampling();
    }

    @Override
    public Transcriber newTranscriber() {
        if (closed.get()) {
            throw new HeedModelException("speech model " + descriptor.name() + " is closed");
        }
        return new NetworkTranscriber(this);
    }

    Model model() {
        return model;
    }

    CtcGreedyDecoder decoder() {
        return new CtcGreedyDecoder(vocabulary, descriptor);
    }

    static Shape inputShape(SpeechDescriptor d, int frames) {
        return new Shape(1, frames, d.features().mels());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }
}
