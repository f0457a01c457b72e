package dev.heed.eval.speech;

import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Noise of a kind a speech model was not trained with, for scoring it through noise it has never
 * heard: {@code pink} (power falling 3 dB an octave), {@code brown} (6 dB an octave), {@code hum}
 * (50 Hz mains and its harmonics to 1 kHz, slowly wavering), each 60 s generated from a seed, or a
 * folder of WAV recordings of any noise. Each utterance hears one source from a random point,
 * looped to its length and scaled so that the speech (its non-zero samples; padding is digital
 * silence) is {@code snrDb} above it.
 */
public final class Noise {

    /** The kinds generated without a folder. */
    public static final List<String> GENERATED = List.of("pink", "brown", "hum");

    private static final int SECONDS = 60;

    private Noise() {}

    /**
     * The sources of {@code kind} at {@code sampleRate}: a generated kind, or every {@code *.wav}
     * under the folder {@code kind} names, resampled.
     *
     * @throws HeedStreamsException if {@code kind} is neither a generated kind nor a folder of WAVs
     */
    public static List<float[]> sources(String kind, int sampleRate, long seed) throws IOException {
        check(kind);
        if (GENERATED.contains(kind)) {
            return List.of(generate(kind, sampleRate, seed));
        }
        Path dir = Path.of(kind);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files =
                    s.filter(
                                    p ->
                                            p.getFileName()
                                                    .toString()
                                                    .toLowerCase(Locale.ROOT)
                                                    .endsWith(".wav"))
                            .sorted()
                            .toList();
        }
        List<float[]> out = new ArrayList<>();
        for (Path f : files) {
            WavFile wav = WavFile.read(f);
            out.add(Resampler.resample(wav.samples(), wav.sampleRate(), sampleRate));
        }
        if (out.isEmpty()) {
            throw new HeedStreamsException(
                    "--noise " + kind + " holds no .wav recording; pass a folder of WAV noise");
        }
        return out;
    }

    /**
     * Refuses a {@code kind} that is neither generated nor a folder, before any scoring.
     *
     * @throws HeedStreamsException naming the value and the kinds there are
     */
    public static void check(String kind) {
        if (!GENERATED.contains(kind) && !Files.isDirectory(Path.of(kind))) {
            throw new HeedStreamsException(
                    "--noise "
                            + kind
                            + " is neither a generated noise ("
                            + String.join(", ", GENERATED)
                            + ") nor a folder; name one of those or a folder of WAV recordings");
        }
    }

    /** {@code SECONDS} of generated {@code kind} at {@code rate}, unit root mean square. */
    static float[] generate(String kind, int rate, long seed) {
        Random random = new Random(seed);
        float[] x = new float[SECONDS * rate];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, brown = 0;
        for (int i = 0; i < x.length; i++) {
            double w = random.nextGaussian();
            switch (kind) {
                case "pink" -> { // Paul Kellet's refined filter
                    b0 = 0.99886 * b0 + w * 0.0555179;
                    b1 = 0.99332 * b1 + w * 0.0750759;
                    b2 = 0.96900 * b2 + w * 0.1538520;
                    b3 = 0.86650 * b3 + w * 0.3104856;
                    b4 = 0.55000 * b4 + w * 0.5329522;
                    b5 = -0.7616 * b5 - w * 0.0168980;
                    x[i] = (float) (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362);
                    b6 = w * 0.115926;
                }
                case "brown" -> {
                    brown = 0.998 * brown + w;
                    x[i] = (float) brown;
                }
                case "hum" -> {
                    double t = i / (double) rate;
                    double sway = 1 + 0.2 * Math.sin(2 * Math.PI * 0.3 * t);
                    double v = 0;
                    for (int k = 1; 50.0 * k <= Math.min(1000, rate / 2.0); k++) {
                        v += Math.sin(2 * Math.PI * 50 * k * t + k) / k;
                    }
                    x[i] = (float) (sway * v + 0.05 * w);
                }
                default -> throw new IllegalArgumentException("no generated noise " + kind);
            }
        }
        double power = 0;
        for (float v : x) {
            power += v * (double) v;
        }
        double scale = 1 / Math.sqrt(power / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * scale);
        }
        return x;
    }

    /** {@code recognizer} hearing every utterance through {@code sources} at {@code snrDb}. */
    public static Recognize noisy(
            Recognize recognizer, List<float[]> sources, double snrDb, long seed) {
        Random random = new Random(seed);
        return recognizer.hearing(samples -> mix(samples, sources, snrDb, random));
    }

    /** {@code speech} plus a random stretch of one source at {@code snrDb}; a new array. */
    static float[] mix(float[] speech, List<float[]> sources, double snrDb, Random random) {
        float[] source = sources.get(random.nextInt(sources.size()));
        int offset = random.nextInt(source.length);
        float[] noise = new float[speech.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = source[(offset + i) % source.length];
        }
        return Babble.added(speech, noise, Babble.nonZeroPower(speech), snrDb);
    }
}
