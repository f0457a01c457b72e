package dev.heed.eval.speech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Joins single-word recordings of one speaker into strings (phone numbers, codes) with random
 * pauses, so that a model learns continuous speech and not only isolated words.
 */
public final class DigitStrings {

    private final Map<String, List<Recording>> bySpeaker = new HashMap<>();
    private final List<String> speakers;
    private final int sampleRate;

    /**
     * @param recordings the pool to draw from; every speaker's recordings are used together
     */
    public DigitStrings(List<Recording> recordings, int sampleRate) {
        for (Recording r : recordings) {
            bySpeaker.computeIfAbsent(r.speaker(), s -> new ArrayList<>()).add(r);
        }
        this.speakers = bySpeaker.keySet().stream().sorted().toList();
        this.sampleRate = sampleRate;
    }

    /**
     * {@code recordings} as if one speaker said them all, so that a string draws its words from any
     * of them.
     */
    public static List<Recording> asOneSpeaker(List<Recording> recordings) {
        return recordings.stream()
                .map(r -> new Recording(r.file(), r.label(), "*", r.index(), r.samples()))
                .toList();
    }

    /**
     * A string of {@code words} recordings by one random speaker.
     *
     * @param minPause shortest pause between words (seconds)
     * @param maxPause longest pause between words (seconds)
     * @param speed per word, a speed factor drawn from [1 - speed, 1 + speed] (0: none)
     */
    public Utterance next(
            Random random, int words, double minPause, double maxPause, double speed) {
        String speaker = speakers.get(random.nextInt(speakers.size()));
        List<Recording> pool = bySpeaker.get(speaker);
        List<float[]> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<double[]> spans = new ArrayList<>();
        int total = 0;
        for (int w = 0; w < words; w++) {
            Recording r = pool.get(random.nextInt(pool.size()));
            float[] s =
                    speed > 0
                            ? Augment.speed(r.samples(), 1 + speed * (2 * random.nextDouble() - 1))
                            : r.samples();
            int pause =
                    w == 0
                            ? 0
                            : (int)
                                    ((minPause + random.nextDouble() * (maxPause - minPause))
                                            * sampleRate);
            parts.add(new float[pause]);
            parts.add(s);
            labels.add(r.label());
            spans.add(
                    new double[] {
                        (total + pause) / (double) sampleRate,
                        (total + pause + s.length) / (double) sampleRate
                    });
            total += pause + s.length;
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return new Utterance(out, labels, spans, speaker);
    }

    /**
     * {@code count} random recordings of {@code speaker} (none when unknown), as a stream's past.
     */
    public List<Recording> past(Random random, String speaker, int count) {
        List<Recording> pool = speaker == null ? null : bySpeaker.get(speaker);
        List<Recording> out = new ArrayList<>();
        for (int i = 0; pool != null && i < count; i++) {
            out.add(pool.get(random.nextInt(pool.size())));
        }
        return out;
    }

    /**
     * Samples with their words.
     *
     * @param samples mono samples
     * @param words the spoken words in order
     * @param spans each word's own recording, {@code [start, end)} in seconds from the first sample
     *     (pauses excluded); empty when unknown
     * @param speaker who said it, as the recordings name them; null when unknown
     */
    public record Utterance(
            float[] samples, List<String> words, List<double[]> spans, String speaker) {

        /** Samples with their words and their spans, by an unknown speaker. */
        public Utterance(float[] samples, List<String> words, List<double[]> spans) {
            this(samples, words, spans, null);
        }

        /** Samples with their words, where each is spoken unknown. */
        public Utterance(float[] samples, List<String> words) {
            this(samples, words, List.of());
        }
    }
}
