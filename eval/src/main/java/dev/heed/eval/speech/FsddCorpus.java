package dev.heed.eval.speech;

import dev.heed.audio.Resampler;
import dev.heed.audio.WavFile;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of {@code {digit}_{speaker}_{index}.wav} recordings, as the Free Spoken Digit Dataset
 * (Jackson et al., CC BY-SA 4.0) lays them out; searched recursively, so the FSDD root or its
 * {@code recordings} folder both work. The official split: indices 0-4 test, 5-49 train.
 */
public final class FsddCorpus {

    /** The spoken digits, index = digit. */
    public static final List<String> DIGITS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    private static final Pattern NAME = Pattern.compile("(\\d)_([^_]+)_(\\d+)\\.wav");

    private FsddCorpus() {}

    /** Whether an index belongs to the official test split (0-4). */
    public static boolean isTest(int index) {
        return index < 5;
    }

    /**
     * Reads the recordings whose index passes {@code indices}, resampled to {@code sampleRate}.
     *
     * @throws HeedStreamsException if the folder is missing or holds no matching recording
     */
    public static List<Recording> load(Path dir, IntPredicate indices, int sampleRate)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new HeedStreamsException(
                    "--data "
                            + dir
                            + " is not a folder; pass a folder of"
                            + " {digit}_{speaker}_{index}.wav recordings (such as the FSDD root)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files =
                    s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .sorted()
                            .toList();
        }
        List<Recording> out = new ArrayList<>();
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches() || !indices.test(Integer.parseInt(m.group(3)))) {
                continue;
            }
            WavFile wav = WavFile.read(f);
            float[] samples = Resampler.resample(wav.samples(), wav.sampleRate(), sampleRate);
            out.add(
                    new Recording(
                            f,
                            DIGITS.get(Integer.parseInt(m.group(1))),
                            m.group(2),
                            Integer.parseInt(m.group(3)),
                            samples));
        }
        if (out.isEmpty()) {
            throw new HeedStreamsException(
                    "no {digit}_{speaker}_{index}.wav recordings with the"
                            + " requested indices under "
                            + dir
                            + " ("
                            + files.size()
                            + " recordings in all)");
        }
        return out;
    }
}
