/**
 * Module-wide helpers of {@code models}, not API: the descriptor's JSON form, argument checks with
 * messages that name the value, and SHA-256 hashing of files. Any package of the module may use
 * them; nothing outside it does.
 */
package dev.heed.models.internal;
