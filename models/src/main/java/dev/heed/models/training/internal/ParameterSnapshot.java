package dev.heed.models.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** Copies of a model's parameter arrays, taken and put back in place (same array objects). */
public final class ParameterSnapshot implements AutoCloseable {

    private final List<NDArray> parameters;
    private final NDArray[] copies;
    private final NDManager manager;

    public ParameterSnapshot(List<NDArray> parameters) {
        this.parameters = parameters;
        this.manager = parameters.get(0).getManager().newSubManager();
        this.copies = new NDArray[parameters.size()];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = parameters.get(i).duplicate();
            copies[i].attach(manager);
        }
    }

    /** Copies the current parameter values into the snapshot. */
    public void capture() {
        for (int i = 0; i < copies.length; i++) {
            parameters.get(i).copyTo(copies[i]);
        }
    }

    /** Writes the snapshot back into the parameter arrays in place. */
    public void restore() {
        for (int i = 0; i < copies.length; i++) {
            copies[i].copyTo(parameters.get(i));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
