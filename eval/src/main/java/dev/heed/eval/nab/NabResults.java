package dev.heed.eval.nab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.streams.HeedStreamsException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a detector's results in NAB's layout: {@code OUT/<detector>/<category>/<detector>_<file>}
 * with columns {@code timestamp,value,anomaly_score,label} (label 1 inside a window, else 0), and a
 * summary {@code OUT/<detector>/<detector>_scores.json} with, per profile, the threshold, the
 * normalised and raw scores, the null and perfect scores, the counts and each file's part.
 */
public final class NabResults {
    private static final Logger log = LoggerFactory.getLogger(NabResults.class);
    private static final Pattern DETECTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NabResults() {}

    /**
     * Scores the detector with {@link NabScorer#score} and writes its results files under {@code
     * out}.
     *
     * @param detector the detector's name in file names, e.g. {@code heed}: letters, digits, '_',
     *     '.', '-'
     * @return the score that the summary holds
     * @throws IOException when a file cannot be written
     */
    public static NabScore write(
            Path out, String detector, NabCorpus corpus, Map<String, double[]> anomalyScoresByFile)
            throws IOException {
        if (detector == null || !DETECTOR.matcher(detector).matches()) {
            throw new HeedStreamsException(
                    "NAB detector name must be letters, digits, '_', '.' or '-'"
                            + " (it names folders and files): '"
                            + detector
                            + "'");
        }
        NabScore score = NabScorer.score(corpus, anomalyScoresByFile);
        Path root = out.resolve(detector);
        for (NabSeries s : corpus.series()) {
            Path dir = s.category().isEmpty() ? root : root.resolve(s.category());
            Files.createDirectories(dir);
            writeSeries(
                    dir.resolve(detector + "_" + s.fileName()),
                    s,
                    anomalyScoresByFile.get(s.name()));
        }
        Path summary = root.resolve(detector + "_scores.json");
        JSON.writeValue(summary.toFile(), summary(detector, corpus, score));
        log.info(
                "Wrote NAB results of {} for {} files to {}",
                detector,
                corpus.series().size(),
                root);
        return score;
    }

    private static void writeSeries(Path file, NabSeries s, double[] scores) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,value,anomaly_score,label\n");
            for (int i = 0; i < s.size(); i++) {
                w.write(
                        NabTime.format(s.timestamps().get(i))
                                + ","
                                + s.value(i)
                                + ","
                                + scores[i]
                                + ","
                                + (s.inWindow(i) ? 1 : 0)
                                + "\n");
            }
        }
    }

    private static ObjectNode summary(String detector, NabCorpus corpus, NabScore score) {
        ObjectNode root = JSON.createObjectNode();
        root.put("detector", detector);
        root.put("corpus", corpus.source());
        root.put("files", score.files());
        root.put("windows", score.windows());
        ObjectNode profiles = root.putObject("profiles");
        for (NabScore.ProfileScore p : score.profiles()) {
            ObjectNode n = profiles.putObject(p.profile().name());
            n.put("score", p.normalized());
            n.put("threshold", p.threshold());
            n.put("raw", p.raw());
            n.put("null", p.nullScore());
            n.put("perfect", p.perfect());
            n.put("tp", p.truePositives());
            n.put("fp", p.falsePositives());
            n.put("fn", p.falseNegatives());
            ObjectNode m = n.putObject("costMatrix");
            m.put("tpWeight", p.profile().tpWeight());
            m.put("fpWeight", p.profile().fpWeight());
            m.put("fnWeight", p.profile().fnWeight());
            m.put("tnWeight", p.profile().tnWeight());
            ObjectNode files = n.putObject("files");
            for (NabScore.FileScore f : p.files()) {
                ObjectNode fn = files.putObject(f.file());
                fn.put("raw", f.raw());
                fn.put("tp", f.truePositives());
                fn.put("fp", f.falsePositives());
                fn.put("fn", f.falseNegatives());
            }
        }
        return root;
    }
}
