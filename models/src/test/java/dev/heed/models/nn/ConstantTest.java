package dev.heed.models.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.heed.models.formats.Engines;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A constant in the graph must outlive the forward pass: with the garbage collector run between the
 * forward and the backward pass (as a busy JVM does), gradients stay what they are without it.
 */
class ConstantTest {

    private static final int ROUNDS = 4;

    private boolean gradMode;

    @BeforeEach
    void open() {
        Engines.engine();
        gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    @AfterEach
    void close() {
        JniUtils.setGradMode(gradMode);
    }

    /**
     * The hazard itself, in DJL's PyTorch engine: {@code mul} with a number closes the number's
     * tensor, whose memory the backward pass then reads after it was freed. If this fails, DJL
     * keeps such numbers alive now, and {@link Constant} is no longer needed.
     */
    @Test
    void shouldShowThatANumberMultipliedInByDjlIsGoneByTheBackwardPass() {
        int wrong = 0;
        for (int round = 0; round < ROUNDS; round++) {
            float[] g = gradientOfSum(x -> x.mul(0.5f));
            if (g[0] != 0.5f) {
                wrong++;
            }
        }
        assertThat(wrong).as("rounds whose gradient was not 0.5").isPositive();
    }

    @Test
    void shouldKeepTheConstantUntilTheBackwardPass() {
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(gradientOfSum(x -> Constant.times(x, 0.5f)))
                    .containsExactly(0.5f, 0.5f, 0.5f);
            assertThat(gradientOfSum(x -> Constant.dividedBy(x, 4f)))
                    .containsExactly(0.25f, 0.25f, 0.25f);
            assertThat(gradientOfSum(Lrp::uniform)).containsExactly(0.5f, 0.5f, 0.5f);
        }
    }

    @Test
    void shouldGiveAttentionTheSameGradientsAfterTheGarbageCollectorRan() {
        try (Model model = Model.newInstance("mha", Device.cpu())) {
            MultiHeadSelfAttention block =
                    MultiHeadSelfAttention.builder().setEmbedding(8).setHeads(2).build();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 5, 8));
            for (boolean lrp : new boolean[] {false, true}) {
                float[] calm = attentionGradient(model, block, lrp, false);
                for (int round = 0; round < ROUNDS; round++) {
                    assertThat(attentionGradient(model, block, lrp, true))
                            .as("relevance mode %s", lrp)
                            .containsExactly(calm);
                }
            }
        }
    }

    private static float[] attentionGradient(
            Model model, MultiHeadSelfAttention block, boolean lrp, boolean collect) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            float[] flat = new float[5 * 8];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = (float) Math.sin(i * 0.7);
            }
            NDArray x = manager.create(flat, new Shape(1, 5, 8)); // (B, N, E)
            x.setRequiresGradient(true);
            NDList out =
                    block.forward(
                            new ParameterStore(manager, false),
                            new NDList(x),
                            false,
                            lrp ? Lrp.mode() : null);
            NDArray y = out.get(0).square().sum(); // ()
            if (collect) {
                collectGarbage();
            }
            JniUtils.backward((PtNDArray) y, (PtNDArray) y.onesLike(), false, false);
            return x.getGradient().toFloatArray();
        }
    }

    private static float[] gradientOfSum(UnaryOperator<NDArray> f) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(new float[] {1f, 2f, 3f});
            x.setRequiresGradient(true);
            NDArray y = f.apply(x).sum();
            collectGarbage();
            JniUtils.backward((PtNDArray) y, (PtNDArray) y.onesLike(), false, false);
            return x.getGradient().toFloatArray();
        }
    }

    /**
     * Runs the collector and lets its cleaner free unreachable direct buffers, then reuses memory.
     */
    private static void collectGarbage() {
        List<ByteBuffer> reuse = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int k = 0; k < 1000; k++) {
                reuse.add(ByteBuffer.allocateDirect(4).putFloat(0, 123f + k));
            }
        }
    }
}
