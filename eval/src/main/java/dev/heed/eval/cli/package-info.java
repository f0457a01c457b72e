/**
 * The launcher's command line ({@link dev.heed.eval.cli.HeedTools}, the main class of {@code
 * eval/target/heed.jar} that {@code ./heed} runs): the runtime's {@code run}, {@code send} and
 * {@code tail}, plus {@code demo}, {@code train forecast|speech}, {@code eval forecast|nab|speech},
 * {@code bench sensors|audio} and {@code export onnx}. Only wiring and printing.
 */
package dev.heed.eval.cli;
