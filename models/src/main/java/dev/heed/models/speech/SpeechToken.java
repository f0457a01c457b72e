package dev.heed.models.speech;

/**
 * One recognised token and where in the audio it came from. Times are seconds from the first
 * feature frame passed to {@link Transcriber#transcribe}; steps are the model's output steps
 * ({@link Transcript#stepSeconds()} apart).
 *
 * @param text the token, such as {@code seven}
 * @param id its vocabulary index
 * @param startStep first output step of the token's run in the greedy path
 * @param endStep last output step of the run (inclusive)
 * @param startSeconds where the run starts
 * @param endSeconds where the run ends
 * @param confidence mean over the run of the token's probability, in (0, 1]
 * @param attention the model's self-attention from the token's steps over every output step (head
 *     mean of one encoder layer, averaged over the run; sums to 1), empty when the model gives none
 * @param peakStep the step with the most attention (the run's first step without attention)
 * @param peakSeconds the centre of the peak step's audio
 */
public record SpeechToken(
        String text,
        int id,
        int startStep,
        int endStep,
        double startSeconds,
        double endSeconds,
        float confidence,
        float[] attention,
        int peakStep,
        double peakSeconds) {}
