package dev.heed.models.forecasting;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.internal.NetworkOutputs;
import dev.heed.models.formats.EngineErrors;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link ForecastModel} of every format: a DJL {@link Model} whose block maps {@code [x (B,
 * T, C)]} to the outputs the descriptor indexes. The formats differ only in how the model is loaded
 * ({@code DjlFormat}, {@code TorchScriptFormat}, {@code OnnxFormat}); normalisation, grouping,
 * input checks and attention summaries are shared ({@link NetworkForecaster}).
 */
public final class NetworkForecastModel implements ForecastModel {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkForecastModel.class);

    /** Windows in the load-time probe: more than one, so a fixed batch axis shows at load. */
    private static final int PROBE_BATCH = 2;

    private final ModelDescriptor descriptor;
    private final Model model;
    private final AtomicBoolean closed = new AtomicBoolean();

    public NetworkForecastModel(ModelDescriptor descriptor, Model model) {
        this.descriptor = descriptor;
        this.model = model;
    }

    /**
     * Wraps a loaded model after one probe call on a synthetic batch, so that a network that does
     * not fit the descriptor (output count, shapes, batch axis) fails here and not on the first
     * record. Closes the model when the probe fails.
     */
    public static NetworkForecastModel open(ModelDescriptor descriptor, Model model, Path dir)
            throws ModelLoadException {
        NetworkForecastModel opened = new NetworkForecastModel(descriptor, model);
        int channels = descriptor.channelIndependent() ? 1 : descriptor.variables().size();
        Shape shape = new Shape(PROBE_BATCH, descriptor.window(), channels); // (B, T, C)
        float[] input = new float[(int) shape.size()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(0.37 * i);
        }
        try {
            opened.run(new ParameterStore(model.getNDManager(), false), input, shape);
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException(
                    "model "
                            + descriptor.name()
                            + " does not fit model.json: "
                            + e.getMessage()
                            + " (in "
                            + dir
                            + ")",
                    e);
        }
        LOG.info(
                "loaded {} model {} version {} from {} on {}",
                descriptor.format(),
                descriptor.name(),
                descriptor.version(),
                dir,
                model.getNDManager().getDevice());
        return opened;
    }

    /**
     * One network call in its own NDManager, closed before returning.
     *
     * @param input flat {@code (B, T, C)} in model units
     */
    public NetworkOutputs run(ParameterStore store, float[] input, Shape shape) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(input, shape); // (B, T, C)
            NDList out;
            try {
                out = model.getBlock().forward(store, new NDList(x), false);
            } catch (RuntimeException e) {
                throw new HeedModelException(
                        "model "
                                + descriptor.name()
                                + " ("
                                + descriptor.format()
                                + ") failed on an input of shape (B, T, C) = "
                                + shape
                                + ": "
                                + EngineErrors.summary(e)
                                + "; the network must take one float32 input (B, T, C) of any batch size B",
                        e);
            }
            return NetworkOutputs.of(out, descriptor, shape);
        }
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Forecaster newForecaster() {
        checkOpen();
        return new NetworkForecaster(this);
    }

    /** The DJL model: its NDManager owns the weights. */
    public Model model() {
        return model;
    }

    public void checkOpen() {
        if (closed.get()) {
            throw new HeedModelException("model " + descriptor.name() + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }
}
