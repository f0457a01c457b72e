package dev.heed.models.forecasting;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelDescriptor.Architecture;
import dev.heed.models.formats.Engines;
import dev.heed.models.formats.ModelParams;
import dev.heed.models.internal.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code djl-tiny} fixture: a seeded, untrained {@link PatchTstBlock} in Heed's own
 * format and the outputs the in-memory block computed for golden windows, before it was saved. The
 * torchscript and onnx fixtures share its sizes (see {@code src/test/fixtures/README.md}).
 *
 * <p>Dimensions: B windows, C variables, T steps, L layers, H heads, N tokens.
 */
public final class DjlFixture {

    private static final Logger LOG = LoggerFactory.getLogger(DjlFixture.class);
    private static final String NAME = "djl-tiny";
    private static final int SEED = 20240601;
    private static final int WINDOW = 32;
    private static final int HORIZON = 4;
    private static final Architecture ARCHITECTURE =
            new Architecture(Architecture.PATCH_TRANSFORMER, 16, 2, 2, 32, 8, 8, 0.0);
    private static final String COMMAND =
            "java -cp models/target/test-classes:models/target/classes:$(cat models/target/test.cp)"
                    + " dev.heed.models.forecasting.DjlFixture (seeded init, not trained)";

    private DjlFixture() {}

    /** Writes the fixture into {@code args[0]}, by default its place under src/test/resources. */
    public static void main(String[] args) throws IOException {
        Path dir =
                Path.of(args.length > 0 ? args[0] : "models/src/test/resources/fixtures/" + NAME);
        write(dir);
        LOG.warn("wrote {}", dir.toAbsolutePath());
    }

    static void write(Path dir) throws IOException {
        Golden golden;
        Files.createDirectories(dir);
        Path weights = dir.resolve(ModelParams.FILE_NAME);
        Engines.engine().setRandomSeed(SEED);
        ModelDescriptor draft = descriptor(null);
        try (Model model = Model.newInstance(NAME, Device.cpu(), Engines.PYTORCH)) {
            PatchTstBlock block = PatchTstBlock.of(draft);
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(), DataType.FLOAT32, PatchTstBlock.inputShape(draft));
            golden = run(model, windows(new int[] {1, 3, 2}, SEED + 3));
            ModelParams.save(block, weights);
        }
        descriptor(Hashing.sha256(weights)).write(dir);
        golden.write(dir);
    }

    /** Each window alone as {@code (C, T, 1)}: every variable its own series. */
    private static Golden run(Model model, float[][][] windows) {
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        float[][][] prediction = new float[windows.length][][];
        float[][][][][][] attention = new float[windows.length][][][][][];
        for (int b = 0; b < windows.length; b++) {
            int c = windows[b].length;
            float[] input = new float[c * WINDOW];
            for (int v = 0; v < c; v++) {
                System.arraycopy(windows[b][v], 0, input, v * WINDOW, WINDOW);
            }
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray x = manager.create(input, new Shape(c, WINDOW, 1)); // (C, T, 1)
                NDList out = model.getBlock().forward(store, new NDList(x), false);
                NDArray y = out.get(0).reshape(c, HORIZON); // (C, horizon)
                NDArray a = out.get(1); // (C, L, H, N, N)
                prediction[b] = new float[c][];
                attention[b] = new float[c][][][][];
                for (int v = 0; v < c; v++) {
                    prediction[b][v] = y.get(v).toFloatArray();
                    attention[b][v] = nest(a.get(v)); // (L, H, N, N)
                }
            }
        }
        return new Golden(windows, prediction, attention);
    }

    private static float[][][][] nest(NDArray a) {
        Shape s = a.getShape(); // (L, H, N, N)
        float[][][][] out = new float[(int) s.get(0)][(int) s.get(1)][][];
        for (int l = 0; l < out.length; l++) {
            for (int h = 0; h < out[l].length; h++) {
                out[l][h] = new float[(int) s.get(2)][];
                for (int i = 0; i < out[l][h].length; i++) {
                    out[l][h][i] = a.get(l, h, i).toFloatArray();
                }
            }
        }
        return out;
    }

    /** Noisy sines, rounded to 4 decimals so that JSON holds them exactly. */
    static float[][][] windows(int[] variableCounts, long seed) {
        Random random = new Random(seed);
        float[][][] windows = new float[variableCounts.length][][];
        for (int b = 0; b < windows.length; b++) {
            windows[b] = new float[variableCounts[b]][WINDOW];
            for (int c = 0; c < variableCounts[b]; c++) {
                double level = 10 * (c + 1) * random.nextDouble();
                double period = 4 + 12 * random.nextDouble();
                for (int t = 0; t < WINDOW; t++) {
                    double v =
                            level
                                    + (c + 1) * Math.sin(2 * Math.PI * t / period)
                                    + 0.3 * random.nextGaussian();
                    windows[b][c][t] = (float) (Math.round(v * 1e4) / 1e4);
                }
            }
        }
        return windows;
    }

    private static ModelDescriptor descriptor(String sha256) {
        return new ModelDescriptor(
                "djl",
                NAME,
                "1",
                ARCHITECTURE,
                List.of(ModelDescriptor.ANY_VARIABLES),
                WINDOW,
                HORIZON,
                null,
                true,
                ModelDescriptor.Outputs.DEFAULT,
                List.of("head_mean", "rollout", "query"),
                ModelParams.FILE_NAME,
                sha256,
                null,
                new ModelDescriptor.Training(COMMAND, SEED, 0, 0, 0, 0, null, 0, 0, 1, 0),
                null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Engines.heedVersion());
    }
}
