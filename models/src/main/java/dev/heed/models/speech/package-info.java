/**
 * Speech: {@link dev.heed.models.speech.SpeechModel#load} loads a CTC speech model directory
 * ({@link dev.heed.models.speech.SpeechDescriptor}; {@code djl}, {@code torchscript} or {@code
 * onnx}); a {@link dev.heed.models.speech.Transcriber} per thread turns log-mel frames into a
 * {@link dev.heed.models.speech.Transcript} of {@link dev.heed.models.speech.SpeechToken}s with
 * times, confidence and attention. Heed's own network is the conv-transformer {@link
 * dev.heed.models.speech.SpeechCtcBlock}; {@link dev.heed.models.speech.EditDistance} scores
 * transcripts.
 */
package dev.heed.models.speech;
