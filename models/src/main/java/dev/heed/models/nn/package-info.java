/**
 * The DJL blocks Heed's networks are built of, each an {@code AbstractBlock} with a builder and
 * shape comments: multi-head self-attention that also returns its attention weights ({@link
 * dev.heed.models.nn.MultiHeadSelfAttention}), the pre- or post-norm transformer encoder layer
 * ({@link dev.heed.models.nn.EncoderLayer}), a numerically safe softmax, and the convolutional time
 * subsampling of the speech model ({@link dev.heed.models.nn.ConvSubsampling}).
 */
package dev.heed.models.nn;
