package dev.heed.eval.speech;

import java.nio.file.Path;

/**
 * One labelled recording of a corpus named {@code {label}_{speaker}_{index}.wav}.
 *
 * @param file where it is
 * @param label its word, such as {@code seven}
 * @param speaker who spoke it
 * @param index the take number (FSDD: 0-4 test, 5-49 train)
 * @param samples mono samples at the corpus' model rate
 */
public record Recording(Path file, String label, String speaker, int index, float[] samples) {}
