package dev.heed.models.testing;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.ModelDescriptor.Normalization;
import dev.heed.models.forecasting.PatchTstBlock;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.ModelParams;
import dev.heed.models.internal.Hashing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small models for tests: descriptors and randomly initialised model directories. */
public final class TestModels {

    /** d_model 8, 2 heads, 2 layers, ff 16, patch 4, stride 4, no dropout. */
    public static final Architecture TINY =
            new Architecture(Architecture.PATCH_TRANSFORMER, 8, 2, 2, 16, 4, 4, 0.0);

    private TestModels() {}

    /** A djl descriptor without weights hash. */
    public static ModelDescriptor descriptor(
            List<String> variables, int window, int horizon, Normalization normalization) {
        return descriptor(TINY, variables, window, horizon, normalization, null);
    }

    public static ModelDescriptor descriptor(
            Architecture architecture,
            List<String> variables,
            int window,
            int horizon,
            Normalization normalization,
            String weightsSha256) {
        return new ModelDescriptor(
                "djl",
                "test-model",
                "1",
                architecture,
                variables,
                window,
                horizon,
                normalization,
                true,
                ModelDescriptor.Outputs.DEFAULT,
                List.of("head_mean", "rollout", "query"),
                "model.params",
                weightsSha256,
                null,
                null,
                null,
                "2026-01-01T00:00:00Z",
                "test");
    }

    /** Writes a seeded, randomly initialised model (weights and model.json with its hash). */
    public static ModelDescriptor writeRandomModel(Path dir, ModelDescriptor d) throws IOException {
        Engines.engine().setRandomSeed(7);
        try (Model model = Model.newInstance("random", Device.cpu())) {
            PatchTstBlock block = PatchTstBlock.of(d);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, PatchTstBlock.inputShape(d));
            java.nio.file.Files.createDirectories(dir);
            Path weights = dir.resolve(d.weights());
            ModelParams.save(block, weights);
            ModelDescriptor withHash =
                    descriptor(
                            d.architecture(),
                            d.variables(),
                            d.window(),
                            d.horizon(),
                            d.normalization(),
                            Hashing.sha256(weights));
            withHash.write(dir);
            return withHash;
        }
    }
}
