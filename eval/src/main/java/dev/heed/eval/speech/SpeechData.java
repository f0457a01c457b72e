package dev.heed.eval.speech;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import dev.heed.models.training.SpeechBatch;
import dev.heed.models.training.SpeechExamples;
import java.util.List;
import java.util.Random;

/**
 * Augmented training batches: strings of 1-6 words (a third of the batches single words; one length
 * per batch, so that little padding is wasted) by one speaker (or, for a share of the strings, by
 * any speakers: voices that change within an utterance) with 50-500 ms pauses, each word sped up or
 * slowed by up to 15%; then per utterance 0-400 ms of silence before, padding to the batch's
 * longest, reverberation (20%), babble of the same recordings (a share, off by default; by default
 * at 0-20 dB SNR), gain (x0.25 - x2) and white noise at 5-45 dB SNR (85%); then log-mel features,
 * optionally warped in frequency ({@link Vtlp}) and masked ({@link SpecAugment}).
 */
public final class SpeechData implements SpeechExamples {

    private final DigitStrings strings;
    private final List<String> vocabulary;
    private final FeatureConfig features;
    private final Random random;
    private final Recipe recipe;
    private final List<Recording> recordings;
    private final DigitStrings anyVoice;

    /**
     * How training utterances are made beyond the fixed steps above.
     *
     * @param maxWords the longest string; a third of the utterances are single words
     * @param specAugment whether to mask mel bands and time spans of the features ({@link
     *     SpecAugment})
     * @param speed each word is sped up or slowed by up to this share (tempo and pitch)
     * @param babble share of the utterances heard through babble of the same recordings ({@link
     *     Babble#mix}: three at once, {@code babbleSnrLow}-{@code babbleSnrHigh} dB below the
     *     speech), before gain and white noise
     * @param mixedVoices share of the strings of several words whose words are drawn from any
     *     speakers of the recordings instead of one, so that a second voice is speech to transcribe
     *     and not background (as babble might teach)
     * @param vtlp each utterance's frequency axis is warped by a factor drawn from {@code [1 -
     *     vtlp, 1 + vtlp]} ({@link Vtlp}: another vocal tract length, tempo kept); 0: none
     * @param babbleEdges whether babble covers a random stretch of the utterance (from its first
     *     half into its second) rather than all of it, and a quarter of the utterances start at
     *     their first sample: so that sound at an utterance's very start or end is not always
     *     background (babble over every edge taught a model to drop unpadded words)
     * @param streamPast for a model with a stream mean, each utterance comes with up to this many
     *     other recordings of its speaker heard before it on its stream (0: none), through the same
     *     gain, reverberation and noise (one microphone and room)
     * @param streamCold with {@code streamPast}, the share of utterances heard first on their
     *     stream (none before); the others have 1 to {@code streamPast}, uniformly
     * @param babbleUnderQuietest whether babble is levelled below the utterance's quietest word
     *     ({@link Babble#mix(float[], List, double, Random, int[][])}) rather than below all its
     *     speech, so that a word much quieter than its string's loudest is never under the babble
     *     (babble below all the speech might teach that a quiet word is background)
     * @param babbleSnrLow the least the speech is above its babble, in dB (0 by default)
     * @param babbleSnrHigh the most, in dB (20 by default); each babbled utterance draws its SNR
     *     uniformly between the two
     * @param background with {@code streamPast}, the share of utterances that are background only:
     *     after 1 to {@code streamPast} recordings of the stream's speaker, no words, only babble
     *     {@code babbleSnrLow}-{@code babbleSnrHigh} dB below that speech, labelled with no words
     *     (a room's chatter the live feed's VAD opens an utterance on is not the user's speech)
     */
    public record Recipe(
            int maxWords,
            boolean specAugment,
            double speed,
            double babble,
            double mixedVoices,
            double vtlp,
            boolean babbleEdges,
            int streamPast,
            double streamCold,
            boolean babbleUnderQuietest,
            double babbleSnrLow,
            double babbleSnrHigh,
            double background) {

        /** The shipped recipe's augmentation: strings of up to 6 words, speed +-15%. */
        public static final Recipe DEFAULT = new Recipe(6, false, 0.15, 0, 0, 0);

        /** Babble, when any, over the whole utterance; no stream past. */
        public Recipe(
                int maxWords,
                boolean specAugment,
                double speed,
                double babble,
                double mixedVoices,
                double vtlp) {
            this(
                    maxWords,
                    specAugment,
                    speed,
                    babble,
                    mixedVoices,
                    vtlp,
                    false,
                    0,
                    0,
                    false,
                    0,
                    20);
        }

        /** No background-only utterances. */
        public Recipe(
                int maxWords,
                boolean specAugment,
                double speed,
                double babble,
                double mixedVoices,
                double vtlp,
                boolean babbleEdges,
                int streamPast,
                double streamCold,
                boolean babbleUnderQuietest,
                double babbleSnrLow,
                double babbleSnrHigh) {
            this(
                    maxWords,
                    specAugment,
                    speed,
                    babble,
                    mixedVoices,
                    vtlp,
                    babbleEdges,
                    streamPast,
                    streamCold,
                    babbleUnderQuietest,
                    babbleSnrLow,
                    babbleSnrHigh,
                    0);
        }

        public Recipe {
            if (!(background >= 0 && background <= 1) || (background > 0 && streamPast == 0)) {
                throw new IllegalArgumentException(
                        "background must be a share in [0, 1], and needs a stream past: "
                                + background
                                + ", "
                                + streamPast);
            }
            if (maxWords < 1) {
                throw new IllegalArgumentException("maxWords must be >= 1: " + maxWords);
            }
            if (!(vtlp >= 0 && vtlp < 0.5)) {
                throw new IllegalArgumentException("vtlp must be in [0, 0.5): " + vtlp);
            }
            if (!(babbleSnrLow <= babbleSnrHigh)
                    || !Double.isFinite(babbleSnrLow)
                    || !Double.isFinite(babbleSnrHigh)) {
                throw new IllegalArgumentException(
                        "babble SNR range must be finite with low <= high: "
                                + babbleSnrLow
                                + ", "
                                + babbleSnrHigh);
            }
            if (streamPast < 0 || !(streamCold >= 0 && streamCold <= 1)) {
                throw new IllegalArgumentException(
                        "streamPast must be >= 0 and streamCold in [0, 1]: "
                                + streamPast
                                + ", "
                                + streamCold);
            }
        }
    }

    public SpeechData(
            List<Recording> recordings,
            List<String> vocabulary,
            FeatureConfig features,
            long seed) {
        this(recordings, vocabulary, features, seed, Recipe.DEFAULT);
    }

    public SpeechData(
            List<Recording> recordings,
            List<String> vocabulary,
            FeatureConfig features,
            long seed,
            Recipe recipe) {
        this.recipe = recipe;
        this.anyVoice =
                recipe.mixedVoices() > 0
                        ? new DigitStrings(
                                DigitStrings.asOneSpeaker(recordings), features.sampleRate())
                        : null;
        this.recordings = List.copyOf(recordings);
        this.strings = new DigitStrings(recordings, features.sampleRate());
        this.vocabulary = vocabulary;
        this.features = features;
        this.random = new Random(seed);
    }

    @Override
    public SpeechBatch next(int size) {
        float[][] audio = new float[size][];
        int[][] labels = new int[size][];
        int longest = 0;
        List<List<Recording>> past = new java.util.ArrayList<>();
        int[][][] spans = new int[size][][];
        boolean[] background = new boolean[size];
        int maxWords = recipe.maxWords();
        int words = random.nextInt(3) == 0 || maxWords == 1 ? 1 : 2 + random.nextInt(maxWords - 1);
        for (int i = 0; i < size; i++) {
            DigitStrings pool =
                    words > 1
                                    && recipe.mixedVoices() > 0
                                    && random.nextDouble() < recipe.mixedVoices()
                            ? anyVoice
                            : strings;
            DigitStrings.Utterance u = pool.next(random, words, 0.05, 0.5, recipe.speed());
            if (recipe.background() > 0 && random.nextDouble() < recipe.background()) {
                background[i] = true;
                audio[i] = new float[u.samples().length + features.sampleRate() / 2];
                labels[i] = new int[0];
                spans[i] = Babble.NO_WORDS;
                longest = Math.max(longest, audio[i].length);
                past.add(pool.past(random, u.speaker(), pastCount(true)));
                continue;
            }
            int lead =
                    recipe.babbleEdges() && random.nextInt(4) == 0
                            ? 0
                            : (int) (random.nextDouble() * 0.4 * features.sampleRate());
            audio[i] = new float[lead + u.samples().length + features.sampleRate() / 10];
            System.arraycopy(u.samples(), 0, audio[i], lead, u.samples().length);
            labels[i] = ids(u.words());
            spans[i] =
                    recipe.babbleUnderQuietest()
                            ? WordSpans.samples(u.spans(), lead, features.sampleRate())
                            : Babble.NO_WORDS;
            longest = Math.max(longest, audio[i].length);
            past.add(pool.past(random, u.speaker(), pastCount(false)));
        }
        float[][][] x = new float[size][][];
        float[][][][] context = recipe.streamPast() > 0 ? new float[size][][][] : null;
        for (int i = 0; i < size; i++) {
            if (context != null) {
                StreamAudio joined =
                        StreamAudio.join(
                                past.get(i), audio[i], longest, features.sampleRate(), random);
                float[] heard =
                        augment(
                                joined.samples(),
                                WordSpans.shift(spans[i], joined.currentStart()),
                                background[i]);
                x[i] = LogMelExtractor.extract(features, joined.current(heard));
                context[i] = joined.past(heard, features);
            } else {
                x[i] =
                        LogMelExtractor.extract(
                                features,
                                augment(
                                        java.util.Arrays.copyOf(audio[i], longest),
                                        spans[i],
                                        false));
            }
            if (recipe.vtlp() > 0) {
                double warp = 1 + recipe.vtlp() * (2 * random.nextDouble() - 1);
                x[i] = Vtlp.warp(x[i], features, warp);
                for (int j = 0; context != null && j < context[i].length; j++) {
                    context[i][j] = Vtlp.warp(context[i][j], features, warp); // the same voice
                }
            }
            if (recipe.specAugment()) {
                SpecAugment.mask(x[i], random);
            }
        }
        return new SpeechBatch(x, labels, context);
    }

    /**
     * How many recordings a training utterance's stream heard before it: none for the cold share
     * unless {@code warm} (a background-only utterance always comes after its speaker's speech).
     */
    private int pastCount(boolean warm) {
        int most = recipe.streamPast();
        if (most == 0 || !warm && random.nextDouble() < recipe.streamCold()) {
            return 0;
        }
        return 1 + random.nextInt(most);
    }

    /**
     * Augments {@code s}, whose words lie at {@code words} (sample spans; none unless babble is
     * levelled below the quietest word); {@code background}: babble for certain, over all of it,
     * levelled below the speech there is (the stream's past).
     */
    private float[] augment(float[] s, int[][] words, boolean background) {
        if (random.nextDouble() < 0.2) {
            s = Augment.reverb(s, features.sampleRate(), 0.15 + 0.3 * random.nextDouble(), random);
        }
        if (background || recipe.babble() > 0 && random.nextDouble() < recipe.babble()) {
            float[] mixed =
                    Babble.mix(
                            s,
                            recordings,
                            recipe.babbleSnrLow()
                                    + (recipe.babbleSnrHigh() - recipe.babbleSnrLow())
                                            * random.nextDouble(),
                            random,
                            words);
            s = recipe.babbleEdges() && !background ? Babble.within(s, mixed, random) : mixed;
        }
        Augment.gain(s, Math.pow(2, -2 + 3 * random.nextDouble()));
        if (random.nextDouble() < 0.85) {
            Augment.noise(s, 5 + 40 * random.nextDouble(), random);
        }
        return s;
    }

    /** Token ids of words; the blank is id 0. */
    int[] ids(List<String> words) {
        int[] ids = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(words.get(i));
            if (ids[i] <= 0) {
                throw new IllegalArgumentException("word not in the vocabulary: " + words.get(i));
            }
        }
        return ids;
    }

    /** Clean held-out batches: strings of 1-5 words with 100-400 ms pauses, padded with silence. */
    public static List<SpeechBatch> validation(
            List<Recording> recordings,
            List<String> vocabulary,
            FeatureConfig features,
            int batches,
            int size,
            long seed) {
        return validation(recordings, vocabulary, features, batches, size, seed, 0);
    }

    /**
     * Clean held-out batches as {@link #validation(List, List, FeatureConfig, int, int, long)},
     * each utterance after {@code streamPast} other recordings of its speaker on its stream.
     */
    public static List<SpeechBatch> validation(
            List<Recording> recordings,
            List<String> vocabulary,
            FeatureConfig features,
            int batches,
            int size,
            long seed,
            int streamPast) {
        DigitStrings strings = new DigitStrings(recordings, features.sampleRate());
        Random random = new Random(seed);
        SpeechData encoder = new SpeechData(recordings, vocabulary, features, seed);
        List<SpeechBatch> out = new java.util.ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[][] audio = new float[size][];
            int[][] labels = new int[size][];
            int longest = 0;
            float[][][][] context = streamPast > 0 ? new float[size][][][] : null;
            for (int i = 0; i < size; i++) {
                DigitStrings.Utterance u = strings.next(random, 1 + random.nextInt(5), 0.1, 0.4, 0);
                if (context != null) {
                    List<Recording> past = strings.past(random, u.speaker(), streamPast);
                    StreamAudio joined =
                            StreamAudio.join(past, new float[0], 0, features.sampleRate(), random);
                    context[i] = joined.past(joined.samples(), features);
                }
                int pad = features.sampleRate() / 10;
                audio[i] = new float[2 * pad + u.samples().length];
                System.arraycopy(u.samples(), 0, audio[i], pad, u.samples().length);
                labels[i] = encoder.ids(u.words());
                longest = Math.max(longest, audio[i].length);
            }
            float[][][] x = new float[size][][];
            for (int i = 0; i < size; i++) {
                x[i] =
                        LogMelExtractor.extract(
                                features, java.util.Arrays.copyOf(audio[i], longest));
            }
            out.add(new SpeechBatch(x, labels, context));
        }
        return out;
    }
}
