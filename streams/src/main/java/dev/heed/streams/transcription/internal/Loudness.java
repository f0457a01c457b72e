package dev.heed.streams.transcription.internal;

import java.util.Arrays;

/** The RMS of each hop of samples, for drawing an utterance's envelope beside its transcript. */
final class Loudness {
    private Loudness() {}

    /** Appends the RMS of every whole hop of the carried and new samples; keeps the rest. */
    static void append(AudioState st, float[] x, int hop) {
        float[] all = Arrays.copyOf(st.carry, st.carry.length + x.length);
        System.arraycopy(x, 0, all, st.carry.length, x.length);
        int whole = all.length / hop;
        float[] rms = Arrays.copyOf(st.rms, st.rms.length + whole);
        for (int h = 0; h < whole; h++) {
            double sum = 0;
            for (int i = h * hop; i < (h + 1) * hop; i++) {
                sum += all[i] * all[i];
            }
            rms[st.rms.length + h] = (float) Math.sqrt(sum / hop);
        }
        st.rms = rms;
        st.carry = Arrays.copyOfRange(all, whole * hop, all.length);
    }
}
