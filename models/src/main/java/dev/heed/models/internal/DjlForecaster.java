package dev.heed.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.heed.models.AttentionMethod;
import dev.heed.models.Forecast;
import dev.heed.models.Forecaster;
import dev.heed.models.ModelDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link DjlForecastModel} for one worker thread: one model call per batch, in an {@link
 * NDManager} that is closed after the call, so nothing outlives it.
 */
final class DjlForecaster implements Forecaster {

  private final DjlForecastModel model;
  private final ModelDescriptor descriptor;
  private final Normalizer normalizer;
  private final ParameterStore store;

  DjlForecaster(DjlForecastModel model) {
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
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      NDArray x = manager.create(batch.input(), batch.shape()); // (B, T, C) or (R, T, 1)
      NDList out = model.block().forward(store, new NDList(x), false);
      NDArray prediction = out.get(descriptor.outputs().prediction()); // (B, horizon, C)
      NDArray attention = out.get(descriptor.outputs().attention()); // (R, L, H, N, N)
      return batch.unpack(
          prediction.toFloatArray(),
          attention.toFloatArray(),
          attention.getShape(),
          method,
          normalizer);
    }
  }

  @Override
  public void close() {
    // the parameter store holds the model's own arrays (copy=false); the model closes them
  }
}
