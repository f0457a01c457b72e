package dev.heed.streams.internal;

import dev.heed.models.AttentionMethod;
import dev.heed.models.Forecast;
import dev.heed.models.ForecastModel;
import dev.heed.models.Forecaster;
import dev.heed.models.HeedModelException;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches of windows through the current model. A batch the model rejects is split, so one
 * bad window is answered with its error alone. It holds one {@link Forecaster} and must be used
 * from one thread only: the stream thread, or its model worker.
 */
final class Predictor {
  private static final Logger LOG = LoggerFactory.getLogger(Predictor.class);

  private final ModelSource models;
  private final AttentionMethod method;
  private final RouteCounters counters;
  private ForecastModel model;
  private Forecaster forecaster;

  /** A prediction and the processor it goes back to. */
  record Delivery(ThreadBatcher.Owner owner, Prediction prediction) {}

  Predictor(ModelSource models, AttentionMethod method, RouteCounters counters) {
    this.models = models;
    this.method = method;
    this.counters = counters;
  }

  /** One prediction (or error) per request, in order. */
  List<Delivery> predict(List<ThreadBatcher.Request> batch) {
    List<Delivery> out = new ArrayList<>(batch.size());
    predict(batch, out);
    return out;
  }

  private void predict(List<ThreadBatcher.Request> batch, List<Delivery> out) {
    Forecaster f = forecaster();
    List<float[][]> windows = new ArrayList<>(batch.size());
    for (ThreadBatcher.Request r : batch) {
      windows.add(r.window().values());
    }
    long t0 = System.nanoTime();
    try {
      List<Forecast> forecasts = f.forecast(windows, method);
      double ms = (System.nanoTime() - t0) / 1e6;
      counters.batch(batch.size(), ms);
      Iterator<Forecast> it = forecasts.iterator();
      for (ThreadBatcher.Request r : batch) {
        out.add(new Delivery(r.owner(), new Prediction(r.window(), it.next(), model.descriptor(),
            ms, batch.size(), null)));
      }
    } catch (HeedModelException e) {
      if (batch.size() == 1) {
        ThreadBatcher.Request r = batch.get(0);
        LOG.warn("model rejected window of series {}: {}", r.window().series(), e.getMessage());
        out.add(new Delivery(r.owner(), new Prediction(r.window(), null, model.descriptor(), 0, 1,
            e.getMessage())));
      } else {
        for (ThreadBatcher.Request r : batch) {
          predict(List.of(r), out);
        }
      }
    }
  }

  private Forecaster forecaster() {
    ForecastModel current = models.current();
    if (current != model) {
      if (forecaster != null) {
        forecaster.close();
      }
      model = current;
      forecaster = current.newForecaster();
      LOG.info("thread {} now serves model {} version {}", Thread.currentThread().getName(),
          current.descriptor().name(), current.descriptor().version());
    }
    return forecaster;
  }

  void close() {
    if (forecaster != null) {
      forecaster.close();
      forecaster = null;
      model = null;
    }
  }
}
