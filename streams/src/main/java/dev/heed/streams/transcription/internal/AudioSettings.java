package dev.heed.streams.transcription.internal;

import java.nio.file.Path;

/**
 * The audio topology's settings, resolved and validated from the configuration and the model.
 *
 * @param maxChunkBytes larger chunks are dead letters ({@code oversize})
 * @param outputMaxBytes the largest record the topology may write ({@code output.max.bytes})
 * @param idleExpiryMs a stream with no chunk for this long is ended (final transcript) and
 *     forgotten; 0 never
 * @param partialFrames feature frames of new speech between partial transcripts
 * @param prerollFrames frames before the detected speech start kept in the utterance
 * @param maxUtteranceFrames an utterance this long is closed (final) and a new one begins
 * @param vadEndFrames 10 ms frames of quiet that end an utterance (the VAD's hangover)
 * @param vadThresholdDb how far above the noise floor a frame must be to count as speech
 * @param vadLevelDb how far below the stream's speech level a frame may be and still count as
 *     speech; 0 no level gate
 * @param laterModel the speech model for the utterances of a stream that has had a final; null: the
 *     stream's model for all of them
 * @param device where {@code laterModel} runs ({@code device})
 */
public record AudioSettings(
        String audioTopic,
        String transcriptsTopic,
        String dlqTopic,
        int maxChunkBytes,
        int outputMaxBytes,
        long idleExpiryMs,
        int partialFrames,
        int prerollFrames,
        int maxUtteranceFrames,
        int vadEndFrames,
        float vadThresholdDb,
        float vadLevelDb,
        Path laterModel,
        String device) {
    public static final String SOURCE = "audio-source";
    public static final String PROCESSOR = "audio-transcriber";
    public static final String TRANSCRIPTS_SINK = "transcripts-sink";
    public static final String DLQ_SINK = "audio-dlq-sink";
    public static final String STORE = "heed-audio";
}
