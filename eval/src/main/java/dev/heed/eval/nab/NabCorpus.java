package dev.heed.eval.nab;

import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NAB corpus folder: {@code data/<category>/<file>.csv} (header {@code timestamp,value}), {@code
 * labels/combined_windows.json} mapping {@code "<category>/<file>.csv"} to its [start, end]
 * windows, and {@code config/profiles.json} with each profile's cost matrix. Any folder with this
 * layout loads; the labels file and the data folder must name the same files.
 */
public final class NabCorpus {
    private static final Logger log = LoggerFactory.getLogger(NabCorpus.class);

    private final String dir;
    private final List<NabSeries> series;
    private final List<NabProfile> profiles;

    NabCorpus(Path dir, List<NabSeries> series, List<NabProfile> profiles) {
        this(dir.toString(), series, profiles);
    }

    private NabCorpus(String dir, List<NabSeries> series, List<NabProfile> profiles) {
        this.dir = dir;
        this.series = List.copyOf(series);
        this.profiles = List.copyOf(profiles);
    }

    /**
     * Loads the corpus in {@code dir}.
     *
     * @throws HeedStreamsException when a file is missing or malformed, when the labels and the
     *     data folder disagree, or when a window's timestamp is not a row of its file; the message
     *     names the file, the line or window, and the fix
     * @throws IOException when a file cannot be read
     */
    public static NabCorpus load(Path dir) throws IOException {
        Path data = dir.resolve("data");
        if (!Files.isDirectory(data)) {
            throw new HeedStreamsException(
                    "no data folder at "
                            + data
                            + "; a NAB folder holds"
                            + " data/<category>/<file>.csv and labels/combined_windows.json (config/profiles.json"
                            + " optional: NAB's published profiles otherwise)");
        }
        Path labelsFile = dir.resolve("labels").resolve("combined_windows.json");
        Map<String, List<LocalDateTime[]>> labels = CorpusJson.windows(labelsFile);
        Path profilesFile = dir.resolve("config").resolve("profiles.json");
        List<NabProfile> profiles =
                Files.isRegularFile(profilesFile)
                        ? CorpusJson.profiles(profilesFile)
                        : NabProfile.PUBLISHED;
        checkSameFiles(data, labelsFile, labels.keySet());
        List<NabSeries> series = new ArrayList<>(labels.size());
        for (String name : new TreeSet<>(labels.keySet())) {
            SeriesCsv.Rows rows = SeriesCsv.read(data.resolve(name));
            series.add(
                    NabSeries.of(
                            name,
                            rows.timestamps(),
                            rows.values(),
                            labels.get(name),
                            labelsFile.toString()));
        }
        NabCorpus corpus = new NabCorpus(dir, series, profiles);
        log.info(
                "Loaded NAB corpus {}: {} files, {} rows, {} windows, profiles {}",
                dir,
                series.size(),
                series.stream().mapToInt(NabSeries::size).sum(),
                series.stream().mapToInt(s -> s.windows().size()).sum(),
                profiles.stream().map(NabProfile::name).toList());
        return corpus;
    }

    private static void checkSameFiles(Path data, Path labelsFile, Set<String> labelled)
            throws IOException {
        Set<String> found;
        try (Stream<Path> files = Files.walk(data)) {
            found =
                    files.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(".csv"))
                            .map(p -> data.relativize(p).toString().replace('\\', '/'))
                            .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> unlabelled = new TreeSet<>(found);
        unlabelled.removeAll(labelled);
        if (!unlabelled.isEmpty()) {
            throw new HeedStreamsException(
                    "data files "
                            + unlabelled
                            + " have no entry in "
                            + labelsFile
                            + "; add each with its windows ([] for none) or remove the file");
        }
        Set<String> missing = new TreeSet<>(labelled);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new HeedStreamsException(
                    labelsFile
                            + " labels files "
                            + missing
                            + " that are not under "
                            + data
                            + "; add the data files or remove their entries");
        }
        if (found.isEmpty()) {
            throw new HeedStreamsException(
                    "no data files under " + data + "; expected data/<category>/<file>.csv");
        }
    }

    /**
     * The part of this corpus in {@code categories} (folder names under {@code data/}), as a
     * development or check split.
     *
     * @throws HeedStreamsException when a category has no file here; the message lists those there
     */
    public NabCorpus only(Collection<String> categories) {
        Set<String> known = new TreeSet<>();
        series.forEach(s -> known.add(s.category()));
        for (String c : categories) {
            if (!known.contains(c)) {
                throw new HeedStreamsException(
                        "no NAB category '"
                                + c
                                + "' under "
                                + dir
                                + "/data; its categories are "
                                + known);
            }
        }
        return new NabCorpus(
                dir,
                series.stream().filter(s -> categories.contains(s.category())).toList(),
                profiles);
    }

    /** The folder it was loaded from ({@code A + B} for corpora joined by {@link #and}). */
    public String source() {
        return dir;
    }

    /**
     * This corpus and {@code other} scored as one, with this one's profiles: for example NAB's
     * development split beside a synthetic corpus.
     *
     * @throws HeedStreamsException when both have a file of the same name, or their profiles differ
     */
    public NabCorpus and(NabCorpus other) {
        Set<String> names = new TreeSet<>();
        series.forEach(s -> names.add(s.name()));
        List<String> both =
                other.series.stream().map(NabSeries::name).filter(names::contains).toList();
        if (!both.isEmpty()) {
            throw new HeedStreamsException(
                    dir
                            + " and "
                            + other.dir
                            + " both have "
                            + both
                            + "; rename the category of one of them");
        }
        if (!profiles.equals(other.profiles)) {
            throw new HeedStreamsException(
                    dir
                            + " and "
                            + other.dir
                            + " have different config/profiles.json; give both the same profiles");
        }
        List<NabSeries> all = new ArrayList<>(series);
        all.addAll(other.series);
        all.sort(java.util.Comparator.comparing(NabSeries::name));
        return new NabCorpus(dir + " + " + other.dir, all, profiles);
    }

    /** The data files, sorted by name. */
    public List<NabSeries> series() {
        return series;
    }

    /** The data file called {@code name}, e.g. {@code realKnownCause/nyc_taxi.csv}. */
    public NabSeries series(String name) {
        return series.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new HeedStreamsException(
                                        "no data file "
                                                + name
                                                + " in NAB corpus "
                                                + dir
                                                + "; its files are named like "
                                                + series.get(0).name()));
    }

    /** The profiles of {@code config/profiles.json}, in its order. */
    public List<NabProfile> profiles() {
        return profiles;
    }

    /** Total number of labelled windows, scored or not. */
    public int windowCount() {
        return series.stream().mapToInt(s -> s.windows().size()).sum();
    }

    @Override
    public String toString() {
        return "NabCorpus[" + dir + ", " + series.size() + " files, " + windowCount() + " windows]";
    }
}
