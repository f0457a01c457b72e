/**
 * Speech data for training and evaluation: FSDD-style corpora of {@code
 * {digit}_{speaker}_{index}.wav}, augmentation, digit strings joined from single recordings,
 * isolated-digit accuracy and word error rate, streaming evaluation through the audio topology, and
 * other recognisers to compare with ({@link dev.heed.eval.speech.Recognizer}).
 */
package dev.heed.eval.speech;
