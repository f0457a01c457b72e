package dev.heed.models.forecasting;

import ai.djl.training.ParameterStore;
import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.internal.NetworkOutputs;
import dev.heed.models.forecasting.internal.Normalizer;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link NetworkForecastModel} for one worker thread, whatever its format: windows are
 * checked, normalised and packed ({@link WindowBatch}), the network runs once per batch, and its
 * outputs are unpacked into forecasts with attention summaries.
 */
final class NetworkForecaster implements Forecaster {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkForecaster.class);

    private final NetworkForecastModel model;
    private final ModelDescriptor descriptor;
    private final Normalizer normalizer;
    private final ParameterStore store;
    private final GradientExplainer explainer;
    private boolean warned;

    public NetworkForecaster(NetworkForecastModel model) {
        this.model = model;
        this.descriptor = model.descriptor();
        this.normalizer = Normalizer.of(descriptor.normalization());
        this.store = new ParameterStore(model.model().getNDManager(), false);
        this.explainer =
                "djl".equalsIgnoreCase(descriptor.format())
                        ? new GradientExplainer(model.model().getBlock(), descriptor)
                        : null;
    }

    @Override
    public List<Forecast> forecast(List<float[][]> windows, AttentionMethod method) {
        Objects.requireNonNull(method, "method");
        model.checkOpen();
        WindowBatch batch = WindowBatch.pack(descriptor, windows, normalizer);
        if (method.needsGradients()) {
            if (explainer != null) {
                return explained(batch, method);
            }
            if (!warned) {
                warned = true;
                LOG.warn(
                        "attention.method {} needs Heed's own djl-format network; model {} is {}:"
                                + " its forecasts carry rollout attention instead",
                        method.wireName(),
                        descriptor.name(),
                        descriptor.format());
            }
            method = AttentionMethod.ROLLOUT;
        }
        NetworkOutputs out =
                model.run(store, batch.input(), batch.shape()); // (B, T, C) or (R, T, 1)
        return batch.unpack(out, method, normalizer);
    }

    private List<Forecast> explained(WindowBatch batch, AttentionMethod method) {
        GradientExplainer.Explained e =
                explainer.explain(
                        store, model.model().getNDManager(), batch.input(), batch.shape(), method);
        return batch.unpack(e.outputs(), method, normalizer, e.relevance());
    }

    @Override
    public void close() {
        // the parameter store holds the model's own arrays (copy=false); the model closes them
    }
}
