package dev.heed.eval.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The ceiling: FLOP/s of a large square matrix product on the engine and thread settings the stream
 * threads use (DJL PyTorch on the CPU, {@code ai.djl.pytorch.num_threads}).
 */
final class MatmulProbe {
    private MatmulProbe() {}

    /**
     * The best FLOP/s over {@code reps} products of two {@code (n, n)} float matrices, after two
     * warm-up products; each product is {@code 2 n^3} FLOPs.
     */
    static double flopsPerSecond(int n, int reps) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray a = m.randomUniform(-1f, 1f, new Shape(n, n)); // (n, n)
            NDArray b = m.randomUniform(-1f, 1f, new Shape(n, n)); // (n, n)
            for (int i = 0; i < 2; i++) {
                a.matMul(b).close(); // (n, n)
            }
            double best = 0;
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b); // (n, n), computed eagerly on the CPU
                long ns = System.nanoTime() - t0;
                c.close();
                best = Math.max(best, 2.0 * n * n * n / (ns / 1e9));
            }
            return best;
        }
    }
}
