/**
 * The runtime's command line, {@code heed run}, {@code heed send} and {@code heed tail} ({@link
 * dev.heed.streams.cli.HeedCli}), the main class of the runtime jar. Only wiring and printing; the
 * launcher adds the demo, training, evaluation and benchmark commands of the {@code eval} module.
 */
package dev.heed.streams.cli;
