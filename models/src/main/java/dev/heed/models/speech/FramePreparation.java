package dev.heed.models.speech;

/**
 * What a speech model does to an utterance's log-mel frames before its per-mel normalisation, the
 * same in training and in every transcription: {@link CepstralSmoothing} when the model keeps fewer
 * cepstra than mels, then {@link UtteranceMean} when it subtracts the utterance's mean.
 */
public final class FramePreparation {

    private final CepstralSmoothing smoothing;
    private final boolean utteranceMean;

    /** For frames of {@code mels} mels. */
    public FramePreparation(int mels, int cepstralKeep, boolean utteranceMean) {
        this.smoothing = new CepstralSmoothing(mels, cepstralKeep);
        this.utteranceMean = utteranceMean;
    }

    /** The preparation {@code d}'s model expects. */
    public static FramePreparation of(SpeechDescriptor d) {
        return new FramePreparation(d.features().mels(), d.cepstralKeep(), d.utteranceMean());
    }

    /** Whether frames pass unchanged. */
    public boolean isIdentity() {
        return smoothing.isIdentity() && !utteranceMean;
    }

    /** {@code frames} {@code (T, M)} prepared; the frames themselves when {@link #isIdentity()}. */
    public float[][] apply(float[][] frames) {
        float[][] out = smoothing.apply(frames);
        return utteranceMean ? UtteranceMean.apply(out) : out;
    }
}
