package dev.heed.models.internal;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import dev.heed.models.ForecastModel;
import dev.heed.models.Forecaster;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@code djl}-format model: a {@link PatchTstBlock} with its parameters in a DJL model. */
public final class DjlForecastModel implements ForecastModel {

  private static final Logger LOG = LoggerFactory.getLogger(DjlForecastModel.class);

  private final ModelDescriptor descriptor;
  private final Model model;
  private final PatchTstBlock block;
  private final AtomicBoolean closed = new AtomicBoolean();

  DjlForecastModel(ModelDescriptor descriptor, Model model, PatchTstBlock block) {
    this.descriptor = descriptor;
    this.model = model;
    this.block = block;
  }

  /** Builds the block from the descriptor and loads its weights from the model directory. */
  public static DjlForecastModel load(Path dir, ModelDescriptor descriptor, Device device)
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
      model = Model.newInstance(descriptor.name(), device);
    } catch (RuntimeException e) {
      throw new ModelLoadException("cannot create a DJL model on " + device + ": " + e, e);
    }
    try {
      model.setBlock(block);
      ModelParams.load(
          block,
          model.getNDManager(),
          dir.resolve(descriptor.weights()),
          inputShape(descriptor),
          descriptor.weightsSha256());
    } catch (ModelLoadException | RuntimeException e) {
      model.close();
      throw e;
    }
    LOG.info(
        "loaded model {} version {} from {} on {}",
        descriptor.name(),
        descriptor.version(),
        dir,
        device);
    return new DjlForecastModel(descriptor, model, block);
  }

  /** A one-window input shape {@code (1, T, C)}. */
  static Shape inputShape(ModelDescriptor d) {
    int c = d.channelIndependent() ? 1 : d.variables().size();
    return new Shape(1, d.window(), c);
  }

  @Override
  public ModelDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public Forecaster newForecaster() {
    checkOpen();
    return new DjlForecaster(this);
  }

  Model model() {
    return model;
  }

  PatchTstBlock block() {
    return block;
  }

  void checkOpen() {
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
