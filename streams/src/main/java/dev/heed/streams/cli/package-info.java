/** The {@code heed} command line: demo, run, send, tail and train. Only wiring and printing. */
package dev.heed.streams.cli;
