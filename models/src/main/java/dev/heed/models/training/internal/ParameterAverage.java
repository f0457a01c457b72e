package dev.heed.models.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * The running mean of a model's parameter arrays over the points it was {@linkplain #add() added}
 * at (checkpoint averaging), written back into the same arrays by {@link #restore()}.
 */
public final class ParameterAverage implements AutoCloseable {

    private final List<NDArray> parameters;
    private final NDArray[] sums;
    private final NDManager manager;
    private int count;

    public ParameterAverage(List<NDArray> parameters) {
        this.parameters = parameters;
        this.manager = parameters.get(0).getManager().newSubManager();
        this.sums = new NDArray[parameters.size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = parameters.get(i).zerosLike();
            sums[i].attach(manager);
        }
    }

    /** Adds the current parameter values to the sum. */
    public void add() {
        for (int i = 0; i < sums.length; i++) {
            sums[i].addi(parameters.get(i));
        }
        count++;
    }

    /** How many points were added. */
    public int count() {
        return count;
    }

    /** Writes the mean into the parameter arrays in place; nothing when no point was added. */
    public void restore() {
        if (count == 0) {
            return;
        }
        for (int i = 0; i < sums.length; i++) {
            try (NDArray mean = sums[i].div(count)) {
                mean.copyTo(parameters.get(i));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
