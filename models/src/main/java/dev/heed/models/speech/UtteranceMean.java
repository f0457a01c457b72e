package dev.heed.models.speech;

/**
 * Per-utterance cepstral-style mean normalisation of log-mel frames: each mel's mean over the
 * utterance's speech frames (those within {@value #SPEECH_DB} dB of its loudest frame, so that
 * silence and padding do not dilute it) is subtracted from every frame. A microphone's or a voice's
 * fixed spectral colouring is a constant offset in log-mel, so it cancels; this is what a model for
 * speakers and microphones it has never heard needs first.
 */
public final class UtteranceMean {

    /** Frames this far below the loudest (frame mean of log-mel) count as silence. */
    public static final double SPEECH_DB = 30;

    private static final double SPEECH_LOG = SPEECH_DB / 10 * Math.log(10);

    private UtteranceMean() {}

    /** {@code frames} {@code (T, M)} less their speech frames' per-mel mean; a new array. */
    public static float[][] apply(float[][] frames) {
        if (frames.length == 0) {
            return frames;
        }
        int mels = frames[0].length;
        double[] energy = new double[frames.length];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < frames.length; t++) {
            double sum = 0;
            for (float v : frames[t]) {
                sum += v;
            }
            energy[t] = sum / mels;
            loudest = Math.max(loudest, energy[t]);
        }
        double[] mean = new double[mels];
        int n = 0;
        for (int t = 0; t < frames.length; t++) {
            if (energy[t] >= loudest - SPEECH_LOG) {
                for (int m = 0; m < mels; m++) {
                    mean[m] += frames[t][m];
                }
                n++;
            }
        }
        float[][] out = new float[frames.length][mels];
        for (int t = 0; t < frames.length; t++) {
            for (int m = 0; m < mels; m++) {
                out[t][m] = (float) (frames[t][m] - mean[m] / n);
            }
        }
        return out;
    }
}
