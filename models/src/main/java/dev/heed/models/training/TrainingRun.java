package dev.heed.models.training;

import ai.djl.Device;
import ai.djl.Model;
import dev.heed.models.AttentionMethod;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.NetworkForecastModel;
import dev.heed.models.forecasting.PatchTstBlock;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.ModelParams;
import dev.heed.models.internal.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run from options to a written model directory: seeds the engine, loads the data,
 * trains ({@link EpochLoop}), measures the test split, and writes {@code model.params} then {@code
 * model.json} (written last, so a directory with a descriptor is complete).
 */
final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private TrainingRun() {}

    /** The trained model, still open, and what was written. Close it when done. */
    public static final class Trained implements AutoCloseable {
        private final NetworkForecastModel model;
        private final TrainingResult result;

        Trained(NetworkForecastModel model, TrainingResult result) {
            this.model = model;
            this.result = result;
        }

        /** The in-memory model as trained (best epoch's parameters). */
        public NetworkForecastModel model() {
            return model;
        }

        public TrainingResult result() {
            return result;
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /** Trains and writes the model directory; the returned model is open. */
    public static Trained run(TrainingOptions o, TrainingListener listener) {
        TrainingListener events = listener == null ? TrainingListener.NONE : listener;
        long start = System.nanoTime();
        Device device;
        try {
            device = Engines.device(o.device());
        } catch (ModelLoadException e) {
            throw new HeedModelException(e.getMessage(), e);
        }
        Engines.engine().setRandomSeed((int) o.seed());
        TrainingData data = TrainingData.load(o);
        LOG.info(
                "training on {} series: {} train, {} validation, {} test windows",
                data.series.size(),
                data.train.size(),
                data.val.size(),
                data.test.size());
        ModelDescriptor draft = descriptor(o, data, null, null, null);
        PatchTstBlock block = PatchTstBlock.of(draft);
        Model model = Model.newInstance(draft.name(), device, Engines.PYTORCH);
        try {
            model.setBlock(block);
            EpochLoop.Outcome outcome = new EpochLoop(o, data, model, events).run();
            Evaluation val = Evaluation.of(model, data, data.val);
            Evaluation test = Evaluation.of(model, data, data.test);
            Path dir = o.outputDir();
            Files.createDirectories(dir);
            Path weights = dir.resolve(ModelParams.FILE_NAME);
            ModelParams.save(block, weights);
            ModelDescriptor.Training training =
                    new ModelDescriptor.Training(
                            o.command(),
                            o.seed(),
                            outcome.trainLoss().size(),
                            outcome.bestEpoch(),
                            o.batchSize(),
                            o.learningRate(),
                            outcome.schedule().describe(),
                            o.clipNorm(),
                            outcome.rollbacks(),
                            Engines.threads(),
                            (System.nanoTime() - start) / 1e9);
            ModelDescriptor.Metrics metrics =
                    new ModelDescriptor.Metrics(
                            finite(val.mse), finite(val.mae), finite(test.mse), finite(test.mae));
            ModelDescriptor descriptor =
                    descriptor(o, data, training, metrics, Hashing.sha256(weights));
            descriptor.write(dir);
            LOG.info("wrote model {} to {}: test mse {} mae {}", o.name(), dir, test.mse, test.mae);
            TrainingResult result =
                    new TrainingResult(
                            dir,
                            descriptor,
                            outcome.trainLoss(),
                            outcome.valMse(),
                            outcome.stoppedEarly());
            return new Trained(new NetworkForecastModel(descriptor, model), result);
        } catch (IOException e) {
            model.close();
            throw new HeedModelException(
                    "cannot write model directory " + o.outputDir() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private static ModelDescriptor descriptor(
            TrainingOptions o,
            TrainingData data,
            ModelDescriptor.Training training,
            ModelDescriptor.Metrics metrics,
            String weightsSha256) {
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> methods = new ArrayList<>();
        for (AttentionMethod m : AttentionMethod.values()) {
            methods.add(m.wireName());
        }
        List<String> files = new ArrayList<>();
        o.dataFiles().forEach(f -> files.add(f.toString()));
        return new ModelDescriptor(
                "djl",
                o.name(),
                o.version() != null ? o.version() : created,
                o.architecture(),
                data.variables,
                o.window(),
                o.horizon(),
                data.normalization,
                o.instanceNorm(),
                ModelDescriptor.Outputs.DEFAULT,
                methods,
                ModelParams.FILE_NAME,
                weightsSha256,
                new ModelDescriptor.Data(
                        files, data.sha256, data.rows, o.target(), o.split().spec()),
                training,
                metrics,
                created,
                Engines.heedVersion());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
