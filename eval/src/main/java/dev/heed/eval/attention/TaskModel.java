package dev.heed.eval.attention;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.forecasting.NetworkForecastModel;
import dev.heed.models.formats.Engines;
import dev.heed.models.training.ConsoleProgress;
import dev.heed.models.training.ForecastTrainer;
import dev.heed.models.training.TrainingOptions;
import dev.heed.models.training.TrainingResult;
import dev.heed.models.training.WeightInit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The model a task is explained on: trained by Heed's own trainer, or the white box. */
final class TaskModel {

    private TaskModel() {}

    /**
     * Trains a channel-independent forecaster on {@code task.series()} fresh series of the task's
     * process, written as CSV files under {@code work}, with the task's architecture and budget.
     */
    static ForecastModel train(AttentionTask task, long seed, Path work, PrintStream progress)
            throws IOException, ModelLoadException {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < task.series(); s++) {
            TaskSeries series = TaskSeries.draw(task, task.length(), seed * 1_000 + s);
            Path f = data.resolve("series-" + s + ".csv");
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write("step,value\n");
                double[] x = series.values();
                for (int t = 0; t < x.length; t++) {
                    w.write(t + "," + String.format(Locale.ROOT, "%.6f", x[t]) + "\n");
                }
            }
            files.add(f);
        }
        AttentionTask.Training t = task.training();
        TrainingOptions options =
                TrainingOptions.builder()
                        .setDataFiles(files)
                        .setOutputDir(work.resolve("model"))
                        .setWindow(task.window())
                        .setHorizon(task.horizon())
                        .optChannelIndependent(true)
                        .optGlobalNormalize(false)
                        .optDModel(t.dModel())
                        .optHeads(t.heads())
                        .optLayers(t.layers())
                        .optFfDim(t.ffDim())
                        .optPatchLen(t.patchLen())
                        .optPatchStride(t.patchStride())
                        .optDropout(0.0)
                        .optMaxEpochs(t.epochs())
                        .optPatience(3)
                        .optMaxMinutes(t.maxMinutes())
                        .optWeightInit(WeightInit.XAVIER)
                        .optSeed(seed)
                        .optName("attention-" + task.name())
                        .optCommand(
                                "heed eval attention (task " + task.name() + ", seed " + seed + ")")
                        .build();
        TrainingResult r = ForecastTrainer.train(options, new ConsoleProgress(progress));
        return ModelLoader.load(r.modelDir(), DeviceChoice.CPU);
    }

    /** The white box as a model: its function, no weights, uniform "attention". */
    static ForecastModel whiteBox(AttentionTask task) {
        int patch = Math.max(1, task.window() / 8);
        ModelDescriptor.Architecture a =
                new ModelDescriptor.Architecture(
                        ModelDescriptor.Architecture.PATCH_TRANSFORMER,
                        8,
                        1,
                        1,
                        8,
                        patch,
                        patch,
                        0);
        int tokens = a.patches(task.window());
        ModelDescriptor d =
                new ModelDescriptor(
                        "djl",
                        "white-box-" + task.name(),
                        "1",
                        a,
                        List.of("*"),
                        task.window(),
                        task.horizon(),
                        null,
                        true,
                        ModelDescriptor.Outputs.DEFAULT,
                        List.of("head_mean", "rollout", "query"),
                        "none",
                        null,
                        null,
                        null,
                        null,
                        "1970-01-01T00:00:00Z",
                        "eval");
        Engines.engine();
        Model model = Model.newInstance(d.name(), Device.cpu(), Engines.PYTORCH);
        WhiteBoxBlock block =
                new WhiteBoxBlock(task.terms(), task.window(), task.horizon(), tokens);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, task.window(), 1));
        return new NetworkForecastModel(d, model);
    }
}
