package dev.heed.eval.nab;

import dev.heed.streams.HeedStreamsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads one NAB data file: header {@code timestamp,value}, then one row per line. */
final class SeriesCsv {
    /** The rows of one file, in file order. */
    record Rows(List<LocalDateTime> timestamps, double[] values) {}

    private SeriesCsv() {}

    /** Reads {@code file}; an error names the file, the line and the text that did not parse. */
    static Rows read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new HeedStreamsException(
                        file
                                + " is empty; a NAB data file starts with the header"
                                + " timestamp,value");
            }
            String[] cols = header.replace("\uFEFF", "").trim().split("\\s*,\\s*");
            if (cols.length < 2 || !cols[0].equals("timestamp") || !cols[1].equals("value")) {
                throw new HeedStreamsException(
                        file
                                + " line 1: header '"
                                + header
                                + "' must start with timestamp,value (NAB's data layout)");
            }
            List<LocalDateTime> timestamps = new ArrayList<>();
            double[] values = new double[1024];
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < 2) {
                    throw bad(file, lineNo, line, "expected timestamp,value");
                }
                LocalDateTime t = NabTime.parse(cells[0]).orElse(null);
                if (t == null) {
                    throw bad(
                            file,
                            lineNo,
                            line,
                            "timestamp '" + cells[0] + "' is not of the form 2013-12-02 21:15:00");
                }
                double v;
                try {
                    v = Double.parseDouble(cells[1].trim());
                } catch (NumberFormatException e) {
                    throw bad(file, lineNo, line, "value '" + cells[1] + "' is not a number");
                }
                if (timestamps.size() == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[timestamps.size()] = v;
                timestamps.add(t);
            }
            if (timestamps.isEmpty()) {
                throw new HeedStreamsException(
                        file
                                + " has a header but no rows; remove the file and"
                                + " its entry in labels/combined_windows.json, or add its data");
            }
            return new Rows(timestamps, Arrays.copyOf(values, timestamps.size()));
        }
    }

    private static HeedStreamsException bad(Path file, int lineNo, String line, String why) {
        return new HeedStreamsException(
                file + " line " + lineNo + " '" + line + "': " + why + "; fix or remove the row");
    }
}
