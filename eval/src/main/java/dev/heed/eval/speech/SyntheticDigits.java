package dev.heed.eval.speech;

import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Spoken digits from Debian's speech synthesisers, as a folder in FSDD's layout ({@code
 * {digit}_{speaker}_{index}.wav}, 8 kHz, trimmed): every espeak-ng English accent with several of
 * its voice variants at varied rate and pitch, flite's voices at varied duration, and festival's
 * voices, each take then sped up or slowed by up to 12% (tempo and pitch). The folder's {@value
 * #RECIPE} says exactly how each speaker was made; the same seed makes the same folder.
 */
public final class SyntheticDigits {

    /** The file in the folder that records how it was made. */
    public static final String RECIPE = "SYNTHESIS.txt";

    private static final String[] ACCENTS = {
        "en-US",
        "en-GB-x-rp",
        "en-GB-scotland",
        "en-GB-x-gbclan",
        "en-GB-x-gbcwmd",
        "en-029",
        "en-US-nyc",
        "en"
    };
    private static final String[] VARIANTS = {
        "m1",
        "m2",
        "m3",
        "m4",
        "m5",
        "m6",
        "m7",
        "f1",
        "f2",
        "f3",
        "f4",
        "f5",
        "klatt",
        "klatt2",
        "klatt3",
        "croak",
        "Andy",
        "Annie",
        "Denis",
        "Gene",
        "Lee",
        "Mario",
        "Michael",
        "Mike",
        "adam",
        "anika",
        "benjamin",
        "caleb",
        "david",
        "ed",
        "edward"
    };
    private static final String[] FLITE = {"kal", "kal16", "awb", "rms", "slt"};
    private static final String[] FESTIVAL = {
        "kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts"
    };

    private SyntheticDigits() {}

    /**
     * Writes the folder unless its {@value #RECIPE} is there already.
     *
     * @param variantsPerAccent espeak-ng voice variants per accent
     * @param takes recordings per digit and speaker
     * @return the folder
     * @throws HeedStreamsException if a synthesiser is missing, saying what to install
     */
    public static Path ensure(Path dir, int variantsPerAccent, int takes, long seed)
            throws IOException, InterruptedException {
        if (Files.exists(dir.resolve(RECIPE))) {
            return dir;
        }
        for (String tool : new String[] {"espeak-ng", "flite", "festival"}) {
            if (!onPath(tool)) {
                throw new HeedStreamsException(
                        tool
                                + " is not installed, needed for synthetic voices; install them"
                                + " with: apt-get install espeak-ng flite festival"
                                + " festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts");
            }
        }
        Files.createDirectories(dir);
        Random random = new Random(seed);
        StringBuilder recipe = new StringBuilder();
        recipe.append(
                String.format(
                        Locale.ROOT,
                        "Synthetic spoken digits, seed %d, %d takes per digit and speaker; each"
                                + " take trimmed (-40 dB), resampled to 8 kHz and sped up or"
                                + " slowed by a factor in [0.88, 1.12].%n",
                        seed,
                        takes));
        Path tmp = Files.createTempDirectory("heed-synth");
        try {
            for (String accent : ACCENTS) {
                List<String> variants = new ArrayList<>(List.of(VARIANTS));
                java.util.Collections.shuffle(variants, random);
                for (String variant : variants.subList(0, variantsPerAccent)) {
                    String speaker = "espeak" + accent.replace("-", "") + variant;
                    recipe.append(speaker)
                            .append(": espeak-ng -v ")
                            .append(accent)
                            .append('+')
                            .append(variant)
                            .append(" -s RATE(120-200) -p PITCH(20-80) -w OUT DIGIT\n");
                    for (int d = 0; d < 10; d++) {
                        for (int t = 0; t < takes; t++) {
                            Path wav = tmp.resolve("e.wav");
                            run(
                                    "espeak-ng",
                                    "-v",
                                    accent + "+" + variant,
                                    "-s",
                                    Integer.toString(120 + random.nextInt(81)),
                                    "-p",
                                    Integer.toString(20 + random.nextInt(61)),
                                    "-w",
                                    wav.toString(),
                                    FsddCorpus.DIGITS.get(d));
                            write(dir, d, speaker, t, wav, random);
                        }
                    }
                }
            }
            for (String voice : FLITE) {
                String speaker = "flite" + voice;
                recipe.append(speaker)
                        .append(": flite -voice ")
                        .append(voice)
                        .append(" --setf duration_stretch=STRETCH(0.8-1.3) -t DIGIT -o OUT\n");
                for (int d = 0; d < 10; d++) {
                    for (int t = 0; t < takes; t++) {
                        Path wav = tmp.resolve("f.wav");
                        run(
                                "flite",
                                "-voice",
                                voice,
                                "--setf",
                                String.format(
                                        Locale.ROOT,
                                        "duration_stretch=%.2f",
                                        0.8 + 0.5 * random.nextDouble()),
                                "-t",
                                FsddCorpus.DIGITS.get(d),
                                "-o",
                                wav.toString());
                        write(dir, d, speaker, t, wav, random);
                    }
                }
            }
            for (String voice : FESTIVAL) {
                String speaker = "festival" + voice.replace("_", "");
                recipe.append(speaker)
                        .append(": festival (voice_")
                        .append(voice)
                        .append(") (utt.save.wave (SynthText DIGIT) OUT), one take per digit\n");
                StringBuilder scheme = new StringBuilder("(voice_" + voice + ")\n");
                for (int d = 0; d < 10; d++) {
                    scheme.append(
                            String.format(
                                    "(utt.save.wave (SynthText \"%s\") \"%s\")%n",
                                    FsddCorpus.DIGITS.get(d), tmp.resolve("fest" + d + ".wav")));
                }
                Path script = tmp.resolve("synth.scm");
                Files.writeString(script, scheme, StandardCharsets.UTF_8);
                run("festival", "-b", script.toString());
                for (int d = 0; d < 10; d++) {
                    for (int t = 0; t < takes; t++) {
                        write(dir, d, speaker, t, tmp.resolve("fest" + d + ".wav"), random);
                    }
                }
            }
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
        Files.writeString(dir.resolve(RECIPE), recipe, StandardCharsets.UTF_8);
        return dir;
    }

    /** Trims, resamples to 8 kHz, changes speed and writes take {@code t} of digit {@code d}. */
    private static void write(Path dir, int d, String speaker, int t, Path wav, Random random)
            throws IOException {
        WavFile in = WavFile.read(wav);
        float[] x = trim(in.samples());
        x = Resampler.resample(x, in.sampleRate(), 8000);
        x = Augment.speed(x, 0.88 + 0.24 * random.nextDouble());
        new WavFile(x, 8000).write(dir.resolve(d + "_" + speaker + "_" + t + ".wav"));
    }

    /** {@code x} without its leading and trailing parts 40 dB below its peak. */
    static float[] trim(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        float floor = peak * 0.01f;
        int from = 0;
        while (from < x.length - 1 && Math.abs(x[from]) < floor) {
            from++;
        }
        int to = x.length;
        while (to > from + 1 && Math.abs(x[to - 1]) < floor) {
            to--;
        }
        return java.util.Arrays.copyOfRange(x, from, to);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (p.waitFor() != 0) {
            throw new HeedStreamsException(
                    "synthesiser failed (exit "
                            + p.exitValue()
                            + "): "
                            + String.join(" ", command));
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
