package dev.heed.eval.cli;

import dev.heed.audio.FeatureConfig;
import dev.heed.eval.internal.TempDirs;
import dev.heed.eval.speech.DigitStrings;
import dev.heed.eval.speech.FsddCorpus;
import dev.heed.eval.speech.Noise;
import dev.heed.eval.speech.Recognize;
import dev.heed.eval.speech.Recognizer;
import dev.heed.eval.speech.Recording;
import dev.heed.eval.speech.SpeechEvaluation;
import dev.heed.eval.speech.StreamingEvaluation;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.cli.ConfigOptions;
import dev.heed.streams.transcription.SpeechFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code heed eval speech}: isolated-digit accuracy per speaker, word error rate on digit strings
 * joined from the same recordings, and the real-time factor on one core, for Heed's speech model
 * and, with {@code --compare}, another recogniser on the same audio.
 */
@Command(
        name = "speech",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate the speech model on a folder of {digit}_{speaker}_{index}.wav"
                        + " recordings (default: the FSDD test split, indices 0-4).")
final class EvalSpeechCommand implements Callable<Integer> {

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description =
                    "Folder of {digit}_{speaker}_{index}.wav recordings (searched recursively).")
    Path data;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Speech model directory (default models/shipped/speech-digits).")
    Path model;

    @Option(
            names = "--indices",
            defaultValue = "0-4",
            description =
                    "Recording indices to use: FROM-TO, or all (default ${DEFAULT-VALUE}, the FSDD"
                            + " test split).")
    String indices;

    @Option(
            names = "--strings",
            defaultValue = "200",
            description = "Digit strings of 3-7 digits joined from the same recordings.")
    int strings;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(
            names = "--streaming",
            description =
                    "Also stream each recording and each digit string (300 ms of silence either"
                            + " side, each its own stream) through the audio topology in 100 ms chunks:"
                            + " how many recordings give exactly one final transcript and the right one,"
                            + " and the strings' WER of their finals joined; with --babble-snr again with"
                            + " babble heard all along each stream. Checks audio.preroll and the"
                            + " audio.vad.* settings (give them with --set).")
    boolean streaming;

    @Option(
            names = "--input-rate",
            paramLabel = "HZ",
            description =
                    "With --streaming: resample each recording to this rate and stream it at this"
                            + " rate, as a microphone at that rate would (the topology resamples it to the"
                            + " model's); default: the model's rate.")
    Integer inputRate;

    @Option(
            names = "--stream-tail",
            paramLabel = "MS",
            defaultValue = "300",
            description =
                    "With --streaming: milliseconds of each stream after its speech (silence, or"
                            + " babble with --babble-snr, which goes on that long); default 300. A"
                            + " longer babble tail shows what a room's chatter after the speech does.")
    int streamTail;

    @Mixin ConfigOptions options;

    @Option(
            names = "--compare",
            paramLabel = "NAME",
            description =
                    "Also run this recogniser on the same audio (vosk; needs the bench-vosk module"
                            + " on the classpath, see README).")
    String compare;

    @Option(
            names = "--leave-one-speaker-out",
            description =
                    "For each speaker, train a model without them (heed train speech"
                            + " --exclude-speakers, kept in --folds and reused) and score it on that"
                            + " speaker only; prints per-speaker and mean figures. Use --indices all.")
    boolean leaveOneSpeakerOut;

    @Option(
            names = "--folds",
            defaultValue = "loso-models",
            paramLabel = "DIR",
            description =
                    "Where the leave-one-speaker-out models are kept (default ${DEFAULT-VALUE}).")
    Path folds;

    @Option(
            names = "--train-args",
            defaultValue = "",
            paramLabel = "ARGS",
            description =
                    "Extra heed train speech options for the folds, one string (default: none, so"
                            + " heed train speech's own defaults).")
    String trainArgs;

    @Option(
            names = "--fold-speakers",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Leave-one-speaker-out: only these speakers' folds (default: every speaker's).")
    List<String> foldSpeakers = List.of();

    @Option(
            names = "--babble-snr",
            split = ",",
            paramLabel = "DB",
            description =
                    "Also score every recording and string through babble (three other recordings"
                            + " of the folder at once; with --indices all on one speaker's folder,"
                            + " a voice a leave-one-speaker-out model never heard) at these"
                            + " signal-to-noise ratios, e.g. 20,10,5.")
    List<Double> babbleSnr = List.of();

    @Option(
            names = "--noise",
            split = ",",
            paramLabel = "KIND",
            description =
                    "Also score every recording and string through noise of these kinds, for noise"
                            + " a model was not trained with: pink, brown, hum (generated), or a"
                            + " folder of WAV noise recordings; at the --noise-snr ratios.")
    List<String> noise = List.of();

    @Option(
            names = "--noise-snr",
            split = ",",
            paramLabel = "DB",
            defaultValue = "20,10,5",
            description = "Signal-to-noise ratios for --noise (default: ${DEFAULT-VALUE}).")
    List<Double> noiseSnr = List.of();

    @Option(
            names = "--transcripts",
            paramLabel = "FILE",
            description =
                    "Also write every recording and digit string as the model heard it, one JSON"
                            + " object a line (kind, item, speaker, reference, heard, substituted,"
                            + " dropped, inserted), to read its errors one by one (the recordings"
                            + " and strings given whole, not --streaming's). Not with"
                            + " --leave-one-speaker-out (give a fold's model with --model).")
    Path transcripts;

    @Override
    public Integer call() throws Exception {
        if (transcripts != null) {
            checkTranscripts();
        }
        if (streamTail < 0 || streamTail > 60_000) {
            throw new HeedStreamsException(
                    "--stream-tail "
                            + streamTail
                            + " must be 0-60000 ms (the audio after each streamed utterance),"
                            + " such as --stream-tail 3000");
        }
        if (inputRate != null && (!streaming || inputRate < 4000 || inputRate > 192000)) {
            throw new HeedStreamsException(
                    "--input-rate "
                            + inputRate
                            + " needs --streaming and a rate of 4000-192000 Hz (the rates the"
                            + " audio topology takes), such as --streaming --input-rate 16000");
        }
        noise.forEach(Noise::check);
        IntPredicate keep = indexFilter(indices);
        if (leaveOneSpeakerOut) {
            LeaveOneSpeakerOut loso =
                    new LeaveOneSpeakerOut(
                            data, folds, trainArgs, foldSpeakers, babbleSnr, System.out);
            if (streaming) {
                streamedWith(setups -> loso.streaming(setups).run(keep, strings, seed));
            } else {
                loso.run(keep, strings, seed);
            }
            return 0;
        }
        Path dir = model != null ? model : shipped();
        try (SpeechModel m = SpeechModel.load(dir, DeviceChoice.CPU)) {
            FeatureConfig features = SpeechFeatures.of(m.descriptor());
            List<Recording> isolated = FsddCorpus.load(data, keep, features.sampleRate());
            List<DigitStrings.Utterance> joined =
                    SpeechEvaluation.strings(isolated, features.sampleRate(), strings, seed);
            System.err.printf(
                    "heed: evaluating %s on %d recordings and %d digit strings from %s%n",
                    m.descriptor().name(), isolated.size(), joined.size(), data);
            SpeechEvaluation.Result heed =
                    SpeechEvaluation.run(
                            SpeechEvaluation.heed(m.newTranscriber(), features),
                            isolated,
                            joined,
                            features.sampleRate());
            SpeechReport.result(System.out, "Heed " + m.descriptor().name(), heed);
            if (transcripts != null) {
                SpeechReport.transcripts(transcripts, heed);
                System.err.printf(
                        "heed: wrote %d transcripts to %s%n", heed.heard().size(), transcripts);
            }
            SpeechReport.firstOfStream(System.out, m, features, isolated, joined);
            SpeechReport.hardCases(System.out, m, features, isolated, strings, joined, seed);
            SpeechReport.model(System.out, m.descriptor());
            NoiseReport.print(
                    System.out,
                    m,
                    features,
                    isolated,
                    joined,
                    new NoiseReport.Levels(babbleSnr, noise, noiseSnr),
                    seed);
            if (streaming) {
                streamedWith(
                        setups ->
                                StreamedReport.print(
                                        System.out,
                                        setups.apply(m, features.sampleRate()),
                                        isolated,
                                        joined,
                                        babbleSnr,
                                        seed));
            }
            if (compare != null) {
                try (Recognizer other = recognizer(compare)) {
                    SpeechEvaluation.Result r =
                            SpeechEvaluation.run(
                                    Recognize.anyone(
                                            s -> other.recognize(s, features.sampleRate())),
                                    isolated,
                                    joined,
                                    features.sampleRate());
                    System.out.println();
                    SpeechReport.result(System.out, other.description(), r);
                }
            }
        }
        return 0;
    }

    /** What runs with the quiet streams' setups (a fold's model and rate to its setup). */
    private interface Streamed {
        void run(BiFunction<SpeechModel, Integer, StreamingEvaluation.Setup> setups)
                throws Exception;
    }

    /**
     * Runs {@code body} with setups of quiet streams under this command's configuration, input rate
     * and tail, in a state directory deleted afterwards.
     */
    private void streamedWith(Streamed body) throws Exception {
        HeedConfig config = options.load(Map.of("bootstrap.servers", "unused:9092"));
        Path state = Files.createTempDirectory("heed-eval-speech");
        try {
            body.run(
                    (m, rate) ->
                            new StreamingEvaluation.Setup(
                                    m,
                                    config,
                                    rate,
                                    inputRate == null ? rate : inputRate,
                                    UnaryOperator.identity(),
                                    streamTail,
                                    state));
        } finally {
            TempDirs.deleteTree(state);
        }
    }

    /** {@code --transcripts}: one model's, into a folder that is there, refused before scoring. */
    private void checkTranscripts() {
        if (leaveOneSpeakerOut) {
            throw new HeedStreamsException(
                    "--transcripts "
                            + transcripts
                            + " writes one model's transcripts; with --leave-one-speaker-out there"
                            + " is one model per speaker: give one fold's model instead, such as"
                            + " --model "
                            + folds.resolve("without-S")
                            + " --data DIR_OF_S --indices all");
        }
        Path parent = transcripts.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new HeedStreamsException(
                    "--transcripts "
                            + transcripts
                            + ": no folder to write it in at "
                            + parent
                            + "; give a file in an existing, writable folder, such as"
                            + " --transcripts heard.jsonl");
        }
    }

    static IntPredicate indexFilter(String spec) {
        if (spec.equalsIgnoreCase("all")) {
            return i -> true;
        }
        String[] p = spec.split("-");
        int from;
        int to;
        try {
            from = Integer.parseInt(p[0].strip());
            to = p.length > 1 ? Integer.parseInt(p[1].strip()) : from;
        } catch (NumberFormatException e) {
            throw new HeedStreamsException("--indices must be FROM-TO or all: " + spec);
        }
        if (p.length > 2 || from > to) {
            throw new HeedStreamsException(
                    "--indices "
                            + spec
                            + " is no range: give FROM-TO with FROM at most TO, such as 0-4 (the"
                            + " FSDD test split), or all");
        }
        return i -> i >= from && i <= to;
    }

    private static Recognizer recognizer(String name) {
        for (Recognizer r : ServiceLoader.load(Recognizer.class)) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
            r.close();
        }
        throw new HeedStreamsException(
                "--compare "
                        + name
                        + ": no such recogniser on the classpath;"
                        + " build the bench-vosk module (mvn -B -Pvosk -DskipTests package) and run"
                        + " bench-vosk/heed-vosk eval speech ... --compare vosk (see README, Speech)");
    }

    private static Path shipped() {
        Path relative = Path.of("models", "shipped", "speech-digits");
        Path home = Path.of(System.getProperty("heed.home", ".")).resolve(relative);
        return Files.isDirectory(home) ? home : relative;
    }
}
