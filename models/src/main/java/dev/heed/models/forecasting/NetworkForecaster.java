package dev.heed.models.forecasting;

import ai.djl.training.ParameterStore;
import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.forecasting.internal.NetworkOutputs;
import dev.heed.models.forecasting.internal.Normalizer;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link NetworkForecastModel} for one worker thread, whatever its format: windows are
 * checked, normalised and packed ({@link WindowBatch}), the network runs once per batch, and its
 * outputs are unpacked into forecasts with attention summaries.
 */
final class NetworkForecaster implements Forecaster {

    private final NetworkForecastModel model;
    private final ModelDescriptor descriptor;
    private final Normalizer normalizer;
    private final ParameterStore store;

    public NetworkForecaster(NetworkForecastModel model) {
        this.model = model;
        this.descriptor = model.descriptor();
        this.normalizer = Normalizer.of(descriptor.normalization());
        this.store = new ParameterStore(model.model().getNDManager(), false);
    }

    @Override
    public List<Forecast> forecast(List<float[][]> windows, AttentionMethod method) {
        Objects.requireNonNull(method, "method");
        model.checkOpen();
        WindowBatch batch = WindowBatch.pack(descriptor, windows, normalizer);
        NetworkOutputs out =
                model.run(store, batch.input(), batch.shape()); // (B, T, C) or (R, T, 1)
        return batch.unpack(out, method, normalizer);
    }

    @Override
    public void close() {
        // the parameter store holds the model's own arrays (copy=false); the model closes them
    }
}
