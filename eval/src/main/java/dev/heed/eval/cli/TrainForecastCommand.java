package dev.heed.eval.cli;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.data.DataSplit;
import dev.heed.models.training.ConsoleProgress;
import dev.heed.models.training.ForecastTrainer;
import dev.heed.models.training.TrainingOptions;
import dev.heed.models.training.TrainingResult;
import dev.heed.models.training.WeightInit;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heed train forecast}: trains a forecaster in Java and writes a model directory. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = "Train a self-attention forecaster (DJL, PyTorch engine) on CSV data.")
final class TrainForecastCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--data",
            required = true,
            split = ",",
            paramLabel = "FILE|DIR",
            description = "CSV files (timestamp first, then numeric columns) or folders of them.")
    List<Path> data;

    @Option(
            names = "--exclude",
            split = ",",
            paramLabel = "TEXT",
            description = "Skip data files whose path contains any of these.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--target", defaultValue = "all", description = "A column name, or all.")
    String target;

    @Option(
            names = "--channel-independent",
            description = "One univariate model for any variables (descriptor variables [\"*\"]).")
    boolean channelIndependent;

    @Option(names = "--window", required = true)
    int window;

    @Option(names = "--horizon", required = true)
    int horizon;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--name", defaultValue = "forecaster")
    String name;

    @Option(
            names = "--split",
            description =
                    "train,val,test fractions or row counts, or nab:"
                            + " each file's NAB probationary period (first min(15%%, 750) rows, 80/20 train/val).")
    String split;

    @Option(names = "--d-model", defaultValue = "64")
    int dModel;

    @Option(names = "--heads", defaultValue = "4")
    int heads;

    @Option(names = "--layers", defaultValue = "2")
    int layers;

    @Option(names = "--ff-dim", defaultValue = "128")
    int ffDim;

    @Option(names = "--patch-len", defaultValue = "8")
    int patchLen;

    @Option(names = "--patch-stride", defaultValue = "8")
    int patchStride;

    @Option(names = "--dropout", defaultValue = "0.1")
    double dropout;

    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001")
    double lr;

    @Option(names = "--epochs", defaultValue = "30")
    int epochs;

    @Option(names = "--patience", defaultValue = "5")
    int patience;

    @Option(names = "--clip-norm", defaultValue = "1.0")
    double clipNorm;

    @Option(
            names = "--init",
            defaultValue = "xavier",
            description =
                    "Weight init: xavier, or torch (PyTorch's nn.Linear default, as PatchTST).")
    String init;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--max-minutes", defaultValue = "0")
    double maxMinutes;

    @Option(names = "--max-train-windows", defaultValue = "0")
    int maxTrainWindows;

    @Option(names = "--device", defaultValue = "cpu")
    String device;

    @Override
    public Integer call() throws IOException {
        List<Path> files = files();
        TrainingOptions.Builder b =
                TrainingOptions.builder()
                        .setDataFiles(files)
                        .setOutputDir(out)
                        .setWindow(window)
                        .setHorizon(horizon)
                        .optTarget(target)
                        .optChannelIndependent(channelIndependent)
                        .optGlobalNormalize(!channelIndependent)
                        .optDModel(dModel)
                        .optHeads(heads)
                        .optLayers(layers)
                        .optFfDim(ffDim)
                        .optPatchLen(patchLen)
                        .optPatchStride(patchStride)
                        .optDropout(dropout)
                        .optBatchSize(batchSize)
                        .optLearningRate(lr)
                        .optMaxEpochs(epochs)
                        .optPatience(patience)
                        .optClipNorm(clipNorm)
                        .optSeed(seed)
                        .optMaxMinutes(maxMinutes)
                        .optMaxTrainWindows(maxTrainWindows)
                        .optName(name)
                        .optDevice(DeviceChoice.parse(device))
                        .optWeightInit(WeightInit.parse(init))
                        .optCommand(
                                "heed "
                                        + String.join(
                                                " ",
                                                spec.commandLine()
                                                        .getParseResult()
                                                        .originalArgs()));
        if (split != null) {
            b.optSplit(DataSplit.parse(split));
        }
        System.err.printf(
                "heed: training on %d file(s), window %d, horizon %d -> %s%n",
                files.size(), window, horizon, out);
        TrainingResult r = ForecastTrainer.train(b.build(), new ConsoleProgress(System.err));
        ModelDescriptor d = r.descriptor();
        System.out.printf(
                "model %s version %s written to %s%n", d.name(), d.version(), r.modelDir());
        if (d.metrics() != null) {
            System.out.printf(
                    "validation MSE %.4f MAE %.4f; test MSE %.4f MAE %.4f (normalised)%n",
                    d.metrics().valMse(),
                    d.metrics().valMae(),
                    d.metrics().testMse(),
                    d.metrics().testMae());
        }
        return 0;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : data) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".csv")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new HeedStreamsException("--data " + p + " is neither a file nor a folder");
            }
        }
        files.removeIf(f -> exclude.stream().anyMatch(x -> f.toString().contains(x)));
        if (files.isEmpty()) {
            throw new HeedStreamsException(
                    "no .csv files in --data " + data + " (after --exclude " + exclude + ")");
        }
        return files;
    }
}
