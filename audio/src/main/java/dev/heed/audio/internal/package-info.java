/** Implementation details of the audio module: the byte layout of saved processor state. */
package dev.heed.audio.internal;
