/**
 * Module-wide helpers of {@code streams}, not API: dead-letter records and their reasons, the
 * per-task cache of decoded states and the JSON generator settings every output shares. Any package
 * of the module may use them; nothing outside it does.
 */
package dev.heed.streams.internal;
