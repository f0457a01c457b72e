/**
 * Speech data for training and evaluation: FSDD-style corpora of {@code
 * {digit}_{speaker}_{index}.wav},
 * augmentation, digit strings joined from single recordings, and the bridge from a speech model's
 * descriptor to the audio module's feature extractor.
 */
package dev.heed.streams.speech;
