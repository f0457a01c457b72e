/**
 * Attention summaries: a network's attention tensors of shape {@code (B, L, H, N, N)} reduced to
 * one weight per input token ({@code rollout}, {@code head_mean}, {@code query}) and mapped onto
 * time steps through the patch layout ({@link dev.heed.models.attention.Attention}). Pure array
 * arithmetic, no engine.
 */
package dev.heed.models.attention;
