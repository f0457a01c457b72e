package dev.heed.models.nn;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with a constant that the backward pass can still read.
 *
 * <p>DJL's PyTorch engine computes {@code x.mul(0.5f)} by wrapping the number in a tensor over a
 * Java direct buffer (PyTorch's {@code from_blob}, no copy) and closing that tensor as soon as the
 * product is made. Autograd keeps the tensor for the backward pass (the gradient of {@code c x} is
 * {@code c}); once the garbage collector has freed the buffer, the backward pass reads freed memory
 * and the gradient comes out zero or garbage, the more often the more the JVM allocates. That made
 * relevance weights differ between runs of the same input (seen where a process worked through a
 * backlog) and could corrupt training steps. Here the constant is a tensor attached to {@code x}'s
 * manager, alive until that manager closes, after the backward pass. {@link ConstantTest} shows
 * both the hazard and the cure; use these instead of {@code mul}, {@code div} with a number on any
 * array a gradient may flow through.
 */
public final class Constant {

    private Constant() {}

    /** {@code x * c}, same shape as {@code x}. */
    public static NDArray times(NDArray x, float c) {
        return x.mul(x.getManager().create(c));
    }

    /** {@code x / c}, same shape as {@code x}. */
    public static NDArray dividedBy(NDArray x, float c) {
        return x.div(x.getManager().create(c));
    }
}
