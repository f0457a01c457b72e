package dev.heed.eval.cli;

import dev.heed.audio.FeatureConfig;
import dev.heed.eval.speech.Babble;
import dev.heed.eval.speech.DigitStrings;
import dev.heed.eval.speech.FsddCorpus;
import dev.heed.eval.speech.Recording;
import dev.heed.eval.speech.SpeechEvaluation;
import dev.heed.eval.speech.StreamingEvaluation;
import dev.heed.models.DeviceChoice;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.transcription.SpeechFeatures;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;

/**
 * {@code heed eval speech --leave-one-speaker-out}: for each speaker of the folder, a model trained
 * by {@code heed train speech --exclude-speakers SPEAKER} (kept in the folds folder and reused when
 * it is there), scored on that speaker's recordings only: what a user the model has never heard
 * gets. Every setting of a fold is chosen on its validation recordings (indices 45-49 of the other
 * speakers), never on the evaluated speaker.
 */
final class LeaveOneSpeakerOut {

    /**
     * One fold's figures; {@code babble} holds, per asked SNR, isolated-digit accuracy and
     * digit-string WER through babble of the speaker's own other recordings (a voice the fold's
     * model never heard).
     */
    record Fold(String speaker, double accuracy, double wer, int recordings, double[][] babble) {}

    private final Path data;
    private final Path folds;
    private final List<String> trainArgs;
    private final List<String> only;
    private final PrintStream out;
    private final List<Double> babbleSnr;
    private BiFunction<SpeechModel, Integer, StreamingEvaluation.Setup> streaming;

    /**
     * @param only the speakers whose folds to run; empty: every speaker's
     * @param babbleSnr signal-to-noise ratios at which each fold is scored through babble too
     */
    LeaveOneSpeakerOut(
            Path data,
            Path folds,
            String trainArgs,
            List<String> only,
            List<Double> babbleSnr,
            PrintStream out) {
        this.only = List.copyOf(only);
        this.babbleSnr = List.copyOf(babbleSnr);
        this.data = data;
        this.folds = folds;
        this.trainArgs =
                trainArgs == null || trainArgs.isBlank()
                        ? List.of()
                        : Arrays.asList(trainArgs.strip().split("\\s+"));
        this.out = out;
    }

    /**
     * Also streams each fold's speaker through the audio topology ({@link StreamedReport}), set up
     * by {@code setup} from the fold's model and its sample rate; null: not streamed.
     */
    LeaveOneSpeakerOut streaming(
            BiFunction<SpeechModel, Integer, StreamingEvaluation.Setup> setup) {
        this.streaming = setup;
        return this;
    }

    /** Trains what is missing, scores every fold and prints the table; returns the folds. */
    List<Fold> run(IntPredicate indices, int strings, long seed) throws Exception {
        FeatureConfig features = FeatureConfig.speech8k();
        List<Recording> all = FsddCorpus.load(data, indices, features.sampleRate());
        TreeSet<String> speakers = new TreeSet<>();
        all.forEach(r -> speakers.add(r.speaker()));
        if (speakers.size() < 2) {
            throw new HeedStreamsException(
                    "--leave-one-speaker-out needs recordings of two speakers or more under "
                            + data
                            + "; found "
                            + speakers);
        }
        if (!speakers.containsAll(only)) {
            throw new HeedStreamsException(
                    "--fold-speakers "
                            + String.join(",", only)
                            + ": not every one has recordings under "
                            + data
                            + " (speakers there: "
                            + speakers
                            + ")");
        }
        List<Fold> result = new ArrayList<>();
        for (String speaker : speakers) {
            if (!only.isEmpty() && !only.contains(speaker)) {
                continue;
            }
            Path dir = fold(speaker);
            try (SpeechModel m = SpeechModel.load(dir, DeviceChoice.CPU)) {
                FeatureConfig f = SpeechFeatures.of(m.descriptor());
                List<Recording> at =
                        f.sampleRate() == features.sampleRate()
                                ? all
                                : FsddCorpus.load(data, indices, f.sampleRate());
                List<Recording> own = at.stream().filter(r -> r.speaker().equals(speaker)).toList();
                List<DigitStrings.Utterance> joined =
                        SpeechEvaluation.strings(own, f.sampleRate(), strings, seed);
                SpeechEvaluation.Result r =
                        SpeechEvaluation.run(
                                SpeechEvaluation.heed(m.newTranscriber(), f),
                                own,
                                joined,
                                f.sampleRate());
                SpeechReport.result(out, "unseen speaker " + speaker + " (model " + dir + ")", r);
                SpeechReport.firstOfStream(out, m, f, own, joined);
                double[][] babble = new double[babbleSnr.size()][];
                for (int i = 0; i < babble.length; i++) {
                    SpeechEvaluation.Result b =
                            Babble.score(
                                    SpeechEvaluation.heed(m.newTranscriber(), f),
                                    own,
                                    joined,
                                    f.sampleRate(),
                                    babbleSnr.get(i),
                                    seed);
                    babble[i] = new double[] {b.accuracy(), b.wer()};
                }
                if (streaming != null) {
                    StreamedReport.print(
                            out, streaming.apply(m, f.sampleRate()), own, joined, babbleSnr, seed);
                }
                result.add(new Fold(speaker, r.accuracy(), r.wer(), own.size(), babble));
            }
        }
        print(result);
        return result;
    }

    /** The fold model for {@code speaker}: trained now unless a fitting one is there. */
    private Path fold(String speaker) throws Exception {
        Path dir = folds.resolve("without-" + speaker);
        if (Files.exists(dir.resolve("model.json"))) {
            SpeechDescriptor d = SpeechDescriptor.read(dir);
            Object excluded = d.data().get("excluded_speakers");
            if (!(excluded instanceof List<?> l) || !l.contains(speaker)) {
                throw new HeedStreamsException(
                        "fold model "
                                + dir
                                + " was not trained without speaker "
                                + speaker
                                + " (its excluded_speakers: "
                                + excluded
                                + "); delete it or pass another --folds");
            }
            System.err.printf("heed: fold %s: reusing %s%n", speaker, dir);
            return dir;
        }
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "train",
                        "speech",
                        "--data",
                        data.toString(),
                        "--out",
                        dir.toString(),
                        "--name",
                        "speech-without-" + speaker,
                        "--exclude-speakers",
                        speaker));
        args.addAll(trainArgs);
        System.err.printf("heed: fold %s: heed %s%n", speaker, String.join(" ", args));
        int code = HeedTools.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new HeedStreamsException(
                    "training the fold without " + speaker + " failed (exit " + code + ")");
        }
        return dir;
    }

    private void print(List<Fold> result) {
        out.println();
        out.println("Leave one speaker out: each speaker scored by a model that never heard them");
        StringBuilder head =
                new StringBuilder(
                        "  speaker      recordings  isolated-digit accuracy  digit-string WER");
        for (double snr : babbleSnr) {
            head.append(String.format(Locale.ROOT, "  babble %4.1f dB: isolated / WER", snr));
        }
        out.println(head);
        double acc = 0;
        double wer = 0;
        double[][] babble = new double[babbleSnr.size()][2];
        for (Fold f : result) {
            out.println(
                    row(
                            f.speaker(),
                            Integer.toString(f.recordings()),
                            f.accuracy(),
                            f.wer(),
                            f.babble()));
            acc += f.accuracy();
            wer += f.wer();
            for (int i = 0; i < babble.length; i++) {
                babble[i][0] += f.babble()[i][0] / result.size();
                babble[i][1] += f.babble()[i][1] / result.size();
            }
        }
        out.println(row("mean", "", acc / result.size(), wer / result.size(), babble));
    }

    private static String row(
            String speaker, String recordings, double accuracy, double wer, double[][] babble) {
        StringBuilder b =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "  %-12s %10s  %22.2f%%  %15.2f%%",
                                speaker,
                                recordings,
                                100 * accuracy,
                                100 * wer));
        for (double[] x : babble) {
            b.append(String.format(Locale.ROOT, "  %14.2f%% / %6.2f%%", 100 * x[0], 100 * x[1]));
        }
        return b.toString();
    }
}
