/** Helpers shared by the packages of {@code eval}, not API: scratch folders and their removal. */
package dev.heed.eval.internal;
