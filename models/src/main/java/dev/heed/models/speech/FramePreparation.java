package dev.heed.models.speech;

import java.util.List;

/**
 * What a speech model does to an utterance's log-mel frames before its per-mel normalisation, the
 * same in training and in every transcription: {@link CepstralSmoothing} when the model keeps fewer
 * cepstra than mels, then {@link UtteranceMean} when it subtracts the utterance's mean, or {@link
 * StreamMean} when it subtracts the mean of the utterance and its stream's earlier ones.
 */
public final class FramePreparation {

    private final CepstralSmoothing smoothing;
    private final boolean utteranceMean;
    private final boolean streamMean;
    private final StreamPrior prior;

    /** For frames of {@code mels} mels, without a stream mean. */
    public FramePreparation(int mels, int cepstralKeep, boolean utteranceMean) {
        this(mels, cepstralKeep, utteranceMean, false);
    }

    /** For frames of {@code mels} mels. */
    public FramePreparation(int mels, int cepstralKeep, boolean utteranceMean, boolean streamMean) {
        this(
                new CepstralSmoothing(mels, cepstralKeep),
                utteranceMean,
                streamMean,
                StreamPrior.NONE);
    }

    private FramePreparation(
            CepstralSmoothing smoothing,
            boolean utteranceMean,
            boolean streamMean,
            StreamPrior prior) {
        this.smoothing = smoothing;
        this.utteranceMean = utteranceMean;
        this.streamMean = streamMean;
        this.prior = prior;
    }

    /** The preparation {@code d}'s model expects. */
    public static FramePreparation of(SpeechDescriptor d) {
        return new FramePreparation(
                        d.features().mels(), d.cepstralKeep(), d.utteranceMean(), d.streamMean())
                .withPrior(d.streamPrior());
    }

    /** This preparation with a stream mean that starts from {@code prior}. */
    public FramePreparation withPrior(StreamPrior prior) {
        return new FramePreparation(smoothing, utteranceMean, streamMean, prior);
    }

    /**
     * The prior of {@code utterances}' raw frames {@code (T, M)} as this preparation smooths them,
     * weighing {@code frames} speech frames ({@link StreamPrior#of}).
     */
    public StreamPrior prior(List<float[][]> utterances, double frames) {
        return StreamPrior.of(utterances.stream().map(smoothing::apply).toList(), frames);
    }

    /** Whether frames pass unchanged. */
    public boolean isIdentity() {
        return smoothing.isIdentity() && !utteranceMean && !streamMean;
    }

    /** {@code frames} {@code (T, M)} prepared; the frames themselves when {@link #isIdentity()}. */
    public float[][] apply(float[][] frames) {
        return apply(frames, StreamMean.NONE);
    }

    /** {@code frames} {@code (T, M)} prepared, as an utterance of a stream with {@code history}. */
    public float[][] apply(float[][] frames, StreamMean history) {
        float[][] out = smoothing.apply(frames);
        if (streamMean) {
            return history.subtract(out, prior);
        }
        return utteranceMean ? UtteranceMean.apply(out) : out;
    }

    /**
     * {@code history} with a finished utterance's raw frames {@code (T, M)} added; {@code history}
     * itself when the model uses no stream mean.
     */
    public StreamMean remember(StreamMean history, float[][] frames) {
        return streamMean ? history.plus(smoothing.apply(frames)) : history;
    }
}
