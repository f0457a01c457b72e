package dev.heed.eval.cli;

import dev.heed.eval.internal.TempDirs;
import dev.heed.eval.nab.NabCategories;
import dev.heed.eval.nab.NabCorpus;
import dev.heed.eval.nab.NabDetection;
import dev.heed.eval.nab.NabMissedWindows;
import dev.heed.eval.nab.NabProfile;
import dev.heed.eval.nab.NabResults;
import dev.heed.eval.nab.NabScore;
import dev.heed.eval.nab.NabScoreboard;
import dev.heed.models.DeviceChoice;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.HeedStreamsException;
import dev.heed.streams.ModelSource;
import dev.heed.streams.cli.ConfigOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code heed eval nab}: every series of a NAB-layout folder through the sensor topology, NAB
 * result files, and the NAB score under its three profiles beside NAB's scoreboard.
 */
@Command(
        name = "nab",
        mixinStandardHelpOptions = true,
        description =
                "Score Heed's anomaly detector on the Numenta Anomaly Benchmark: runs every"
                        + " data/<category>/<file>.csv of --data through the sensor topology (stride 1, NAB's"
                        + " probationary period as warm-up), writes NAB result files and prints the standard,"
                        + " reward_low_FP_rate and reward_low_FN_rate scores beside NAB's scoreboard.")
final class EvalNabCommand implements Callable<Integer> {
    /** The file, beside the result files, that holds every anomaly record of the run. */
    static final String ANOMALIES = "anomalies.jsonl";

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description =
                    "A folder in NAB's layout: data/<category>/<file>.csv and"
                            + " labels/combined_windows.json (config/profiles.json optional). Repeat"
                            + " to score several folders as one corpus (e.g. NAB beside a corpus of"
                            + " heed synth nab).")
    List<Path> data;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description =
                    "Model directory (default: model.dir, else models/shipped/nab-probation).")
    Path model;

    @Option(
            names = "--out",
            defaultValue = "heed-data/nab-results",
            paramLabel = "DIR",
            description = "Where the NAB result files go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--detector",
            defaultValue = "heed",
            description = "Detector name in the result files (default ${DEFAULT-VALUE}).")
    String detector;

    @Option(
            names = "--categories",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Only these data/<category> folders, e.g. a development split"
                            + " (artificialNoAnomaly,artificialWithAnomaly,realAWSCloudwatch) or a check"
                            + " split (realKnownCause); default: every category.")
    List<String> categories;

    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        // the rows' scores do not depend on how the weights are made: the cheapest summary,
        // unless --set attention.method=... asks for another
        HeedConfig config = options.load(Map.of(HeedKeys.ATTENTION_METHOD, "query"));
        NabCorpus corpus = NabCorpus.load(data.get(0));
        for (Path more : data.subList(1, data.size())) {
            corpus = corpus.and(NabCorpus.load(more));
        }
        if (categories != null && !categories.isEmpty()) {
            corpus = corpus.only(categories);
        }
        Path dir = modelDir(config);
        Path state = Files.createTempDirectory("heed-nab-state");
        try (ModelSource models =
                ModelSource.of(
                        ModelLoader.load(
                                dir, DeviceChoice.parse(config.getString(HeedKeys.DEVICE))))) {
            ForecastModel m = models.current();
            System.err.printf(
                    Locale.ROOT,
                    "heed: NAB on %s: %d series, model %s (%s)%n",
                    corpus.source(),
                    corpus.series().size(),
                    m.descriptor().name(),
                    dir);
            long t0 = System.nanoTime();
            List<String> alarms = new ArrayList<>();
            Map<String, double[]> scores =
                    NabDetection.run(
                            corpus,
                            config,
                            models,
                            state,
                            r -> {
                                alarms.addAll(r.anomalyRecords());
                                System.err.printf(
                                        Locale.ROOT,
                                        "  %-58s %6d rows %6d predictions %4d anomalies"
                                                + "%s %5.1f s%n",
                                        r.name(),
                                        r.rows(),
                                        r.predictions(),
                                        r.anomalies(),
                                        r.deadLetters().isEmpty()
                                                ? ""
                                                : " dead letters " + r.deadLetters(),
                                        r.seconds());
                            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            NabScore score = NabResults.write(out, detector, corpus, scores);
            // what raised each alarm (the records of topic.anomalies), one JSON object per line
            Files.write(out.resolve(detector).resolve(ANOMALIES), alarms, StandardCharsets.UTF_8);
            print(score, seconds, out.resolve(detector), missed(corpus, scores, score));
        } finally {
            TempDirs.deleteTree(state);
        }
        return 0;
    }

    private static void print(NabScore score, double seconds, Path results, String missed) {
        System.out.printf(
                Locale.ROOT,
                "%nNAB score of Heed (%d files, %d windows; %.0f s)%n",
                score.files(),
                score.windows(),
                seconds);
        System.out.printf(
                Locale.ROOT,
                "%-20s %12s %5s %5s %5s %9s %9s %7s%n",
                "profile",
                "threshold",
                "TP",
                "FP",
                "FN",
                "raw",
                "null",
                "score");
        for (NabScore.ProfileScore p : score.profiles()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %12.8f %5d %5d %5d %9.2f %9.2f %7.1f%n",
                    p.profile().name(),
                    p.threshold(),
                    p.truePositives(),
                    p.falsePositives(),
                    p.falseNegatives(),
                    p.raw(),
                    p.nullScore(),
                    p.normalized());
        }
        System.out.println();
        System.out.println("per category, at each profile's threshold:");
        System.out.print(NabCategories.format(score));
        System.out.print(missed);
        System.out.println();
        System.out.print(NabScoreboard.format(score));
        System.out.println("result files: " + results);
    }

    /** The windows missed at the standard threshold, when the corpus has that profile. */
    private static String missed(NabCorpus corpus, Map<String, double[]> scores, NabScore score) {
        if (!score.hasProfile(NabProfile.STANDARD)) {
            return "";
        }
        double threshold = score.profile(NabProfile.STANDARD).threshold();
        List<NabMissedWindows.Missed> missed = NabMissedWindows.at(corpus, scores, threshold);
        return String.format(
                        Locale.ROOT,
                        "%nwindows missed at the standard threshold (%d of %d), the strongest"
                                + " score inside each:%n",
                        missed.size(),
                        score.windows())
                + NabMissedWindows.format(missed);
    }

    private Path modelDir(HeedConfig config) {
        if (model != null) {
            return model;
        }
        if (config.get(HeedKeys.MODEL_DIR).isPresent()) {
            return Path.of(config.getString(HeedKeys.MODEL_DIR));
        }
        Path relative = Path.of("models", "shipped", "nab-probation");
        Path home = Path.of(System.getProperty("heed.home", ".")).resolve(relative);
        Path dir = Files.isDirectory(home) ? home : relative;
        if (!Files.isDirectory(dir)) {
            throw new HeedStreamsException(
                    "no model at " + dir + "; pass --model DIR or set model.dir");
        }
        return dir;
    }
}
