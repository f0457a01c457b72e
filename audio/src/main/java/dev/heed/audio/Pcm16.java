package dev.heed.audio;

/** Decodes signed 16-bit little-endian PCM into samples in [-1, 1). */
public final class Pcm16 {
    private Pcm16() {}

    /**
     * Decodes interleaved s16le PCM and mixes its channels down to mono.
     *
     * @throws HeedAudioException for an odd byte count or one that is not a whole number of frames
     */
    public static float[] decodeMono(byte[] pcm, int channels) {
        if (channels < 1) {
            throw new HeedAudioException("channels must be >= 1: " + channels);
        }
        int frameBytes = 2 * channels;
        if (pcm.length % frameBytes != 0) {
            throw new HeedAudioException(
                    "PCM s16le chunk of "
                            + pcm.length
                            + " bytes is not a whole "
                            + "number of "
                            + channels
                            + "-channel frames ("
                            + frameBytes
                            + " bytes each)");
        }
        float[] out = new float[pcm.length / frameBytes];
        for (int i = 0, b = 0; i < out.length; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++, b += 2) {
                sum += (short) ((pcm[b] & 0xff) | (pcm[b + 1] << 8)) / 32768f;
            }
            out[i] = sum / channels;
        }
        return out;
    }

    /** Encodes mono samples (clipped to [-1, 1]) as s16le PCM. */
    public static byte[] encodeMono(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            float v = Math.max(-1f, Math.min(1f, samples[i]));
            int s = Math.round(v * 32767f);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
