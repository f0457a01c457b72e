package dev.heed.models.training;

import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.data.DataSplit;
import java.nio.file.Path;
import java.util.List;

/**
 * What and how {@link ForecastTrainer} trains. Build with {@link #builder()}: {@code setX} values
 * are required, {@code optX} values have defaults. Every value is checked on construction.
 *
 * <p>The components are documented on the {@link Builder} methods that set them.
 */
public record TrainingOptions(
        List<Path> dataFiles,
        Path outputDir,
        int window,
        int horizon,
        String target,
        boolean channelIndependent,
        DataSplit split,
        boolean globalNormalize,
        boolean instanceNorm,
        int dModel,
        int heads,
        int layers,
        int ffDim,
        int patchLen,
        int patchStride,
        double dropout,
        int batchSize,
        double learningRate,
        int maxEpochs,
        int patience,
        double clipNorm,
        WeightInit weightInit,
        long seed,
        double maxMinutes,
        int maxTrainWindows,
        String name,
        String version,
        String command,
        DeviceChoice device) {

    /** Checks every value; the message names the bad one. */
    public TrainingOptions {
        require(dataFiles != null && !dataFiles.isEmpty(), "data files are required: " + dataFiles);
        dataFiles = List.copyOf(dataFiles);
        require(outputDir != null, "output dir is required");
        require(window > 0, "window must be > 0: " + window);
        require(horizon > 0, "horizon must be > 0: " + horizon);
        require(
                target != null && !target.isBlank(),
                "target must name a column or be all: " + target);
        require(split != null, "split is required");
        require(
                !channelIndependent || !globalNormalize,
                "global normalisation needs fixed variables; channel-independent models rely on"
                        + " instance normalisation");
        require(
                !channelIndependent || instanceNorm,
                "channel-independent models need instance normalisation (instance_norm=true)");
        require(dModel > 0, "d_model must be > 0: " + dModel);
        require(heads > 0, "heads must be > 0: " + heads);
        require(
                dModel % heads == 0,
                "d_model must be divisible by heads: "
                        + dModel
                        + " % "
                        + heads
                        + " = "
                        + dModel % heads);
        require(layers > 0, "layers must be > 0: " + layers);
        require(ffDim > 0, "ff_dim must be > 0: " + ffDim);
        require(patchLen > 0, "patch_len must be > 0: " + patchLen);
        require(patchLen <= window, "patch_len must be <= window: " + patchLen + " > " + window);
        require(patchStride > 0, "patch_stride must be > 0: " + patchStride);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1): " + dropout);
        require(batchSize > 0, "batch size must be > 0: " + batchSize);
        require(
                learningRate > 0 && Double.isFinite(learningRate),
                "learning rate must be > 0 and finite: " + learningRate);
        require(maxEpochs > 0, "max epochs must be > 0: " + maxEpochs);
        require(patience > 0, "patience must be > 0: " + patience);
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "clip norm must be >= 0: " + clipNorm);
        require(weightInit != null, "weight init is required: xavier or torch");
        require(maxMinutes >= 0, "max minutes must be >= 0: " + maxMinutes);
        require(maxTrainWindows >= 0, "max train windows must be >= 0: " + maxTrainWindows);
        require(name != null && !name.isBlank(), "name must not be blank: " + name);
        command = command == null ? "" : command;
        require(device != null, "device is required");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The network hyper-parameters as recorded in model.json. */
    public ModelDescriptor.Architecture architecture() {
        return new ModelDescriptor.Architecture(
                ModelDescriptor.Architecture.PATCH_TRANSFORMER,
                dModel,
                heads,
                layers,
                ffDim,
                patchLen,
                patchStride,
                dropout);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new HeedModelException(message);
        }
    }

    /** Builder of {@link TrainingOptions}. */
    public static final class Builder {
        private List<Path> dataFiles;
        private Path outputDir;
        private int window;
        private int horizon;
        private String target = "all";
        private boolean channelIndependent = false;
        private DataSplit split = DataSplit.DEFAULT;
        private Boolean globalNormalize;
        private boolean instanceNorm = true;
        private int dModel = 64;
        private int heads = 4;
        private int layers = 2;
        private int ffDim = 128;
        private int patchLen = 8;
        private int patchStride = 8;
        private double dropout = 0.1;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private int maxEpochs = 30;
        private int patience = 5;
        private double clipNorm = 1.0;
        private WeightInit weightInit = WeightInit.XAVIER;
        private long seed = 42;
        private double maxMinutes = 0;
        private int maxTrainWindows = 0;
        private String name;
        private String version = null;
        private String command = "";
        private DeviceChoice device = DeviceChoice.CPU;

        private Builder() {}

        /** CSV files with a header; first column a timestamp, the others numeric. */
        public Builder setDataFiles(List<Path> dataFiles) {
            this.dataFiles = dataFiles;
            return this;
        }

        /** The model directory to write. */
        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** Input steps T. */
        public Builder setWindow(int window) {
            this.window = window;
            return this;
        }

        /** Forecast steps. */
        public Builder setHorizon(int horizon) {
            this.horizon = horizon;
            return this;
        }

        /** A column name (such as {@code value} for NAB files) or {@code all}; default all. */
        public Builder optTarget(String target) {
            this.target = target;
            return this;
        }

        /**
         * Each target column of each file as its own univariate series; the model's variables are
         * {@code ["*"]}; default false.
         */
        public Builder optChannelIndependent(boolean channelIndependent) {
            this.channelIndependent = channelIndependent;
            return this;
        }

        /** The chronological split of each file; default 0.7,0.1,0.2. */
        public Builder optSplit(DataSplit split) {
            this.split = split;
            return this;
        }

        /** Z-score with training-split statistics; default true unless channel-independent. */
        public Builder optGlobalNormalize(boolean globalNormalize) {
            this.globalNormalize = globalNormalize;
            return this;
        }

        /** RevIN inside the model; default true. */
        public Builder optInstanceNorm(boolean instanceNorm) {
            this.instanceNorm = instanceNorm;
            return this;
        }

        /** Embedding width E; default 64. */
        public Builder optDModel(int dModel) {
            this.dModel = dModel;
            return this;
        }

        /** Attention heads H; default 4. */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Encoder layers L; default 2. */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Feed-forward width; default 128. */
        public Builder optFfDim(int ffDim) {
            this.ffDim = ffDim;
            return this;
        }

        /** Patch length P; default 8. */
        public Builder optPatchLen(int patchLen) {
            this.patchLen = patchLen;
            return this;
        }

        /** Patch stride S; default 8. */
        public Builder optPatchStride(int patchStride) {
            this.patchStride = patchStride;
            return this;
        }

        /** Dropout rate; default 0.1. */
        public Builder optDropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Windows per batch; default 64. */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Peak learning rate of the warm-up + cosine schedule; default 1e-3. */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Most epochs; default 30. */
        public Builder optMaxEpochs(int maxEpochs) {
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** Epochs without validation improvement before stopping; default 5. */
        public Builder optPatience(int patience) {
            this.patience = patience;
            return this;
        }

        /** Global gradient-norm clip, 0 for none; default 1.0. */
        public Builder optClipNorm(double clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        /** How weight matrices are initialised; default xavier. */
        public Builder optWeightInit(WeightInit weightInit) {
            this.weightInit = weightInit;
            return this;
        }

        /** Seed of initialisation, dropout and shuffling; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Wall-clock budget in minutes, 0 for none; default 0. */
        public Builder optMaxMinutes(double maxMinutes) {
            this.maxMinutes = maxMinutes;
            return this;
        }

        /** Training windows sampled per epoch (seeded), 0 for all; default 0. */
        public Builder optMaxTrainWindows(int maxTrainWindows) {
            this.maxTrainWindows = maxTrainWindows;
            return this;
        }

        /** Model name; default the output directory's name. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** Model version; null for the creation instant. */
        public Builder optVersion(String version) {
            this.version = version;
            return this;
        }

        /** The command line recorded in model.json; default empty. */
        public Builder optCommand(String command) {
            this.command = command;
            return this;
        }

        /** Where to train; default cpu. */
        public Builder optDevice(DeviceChoice device) {
            this.device = device;
            return this;
        }

        /** Checks the values and builds the options. */
        public TrainingOptions build() {
            String modelName =
                    name != null || outputDir == null
                            ? name
                            : String.valueOf(outputDir.toAbsolutePath().normalize().getFileName());
            return new TrainingOptions(
                    dataFiles,
                    outputDir,
                    window,
                    horizon,
                    target,
                    channelIndependent,
                    split,
                    globalNormalize == null ? !channelIndependent : globalNormalize,
                    instanceNorm,
                    dModel,
                    heads,
                    layers,
                    ffDim,
                    patchLen,
                    patchStride,
                    dropout,
                    batchSize,
                    learningRate,
                    maxEpochs,
                    patience,
                    clipNorm,
                    weightInit,
                    seed,
                    maxMinutes,
                    maxTrainWindows,
                    modelName,
                    version,
                    command,
                    device);
        }
    }
}
