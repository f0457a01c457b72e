package dev.heed.streams.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heed.streams.HeedStreamsException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV whose first column is a timestamp (ISO-8601, {@code yyyy-MM-dd HH:mm:ss} taken as
 * UTC, or epoch ms) and whose other columns are numeric variables, into Heed's JSON readings.
 */
public final class CsvReadings {
    private static final JsonFactory JSON = new JsonFactory();

    private CsvReadings() {}

    /** A parsed CSV: variable names and rows of (ts, values). */
    public record Table(String[] names, List<Long> ts, List<double[]> values) {
        public int size() {
            return ts.size();
        }
    }

    /** One JSON reading per data row, for {@code series}. */
    static List<byte[]> read(BufferedReader in, String source, String series) {
        Table t = table(in, source);
        List<byte[]> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            out.add(json(series, t.ts().get(i), t.names(), t.values().get(i)));
        }
        return out;
    }

    /** Reads the whole CSV; errors name the source, the line and the cell. */
    public static Table table(BufferedReader in, String source) {
        try {
            String header = in.readLine();
            if (header == null) {
                throw new HeedStreamsException(
                        source + " is empty; expected a header such as timestamp,value");
            }
            String[] cols = header.trim().split("\\s*,\\s*");
            if (cols.length < 2) {
                throw new HeedStreamsException(
                        source
                                + ": header '"
                                + header
                                + "' needs a timestamp column and at least one value column");
            }
            String[] names = java.util.Arrays.copyOfRange(cols, 1, cols.length);
            Table t = new Table(names, new ArrayList<>(), new ArrayList<>());
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != cols.length) {
                    throw new HeedStreamsException(
                            source
                                    + " line "
                                    + row
                                    + " has "
                                    + cells.length
                                    + " cells, the header has "
                                    + cols.length
                                    + ": '"
                                    + line
                                    + "'");
                }
                double[] v = new double[names.length];
                for (int i = 0; i < v.length; i++) {
                    try {
                        v[i] = Double.parseDouble(cells[i + 1].trim());
                    } catch (NumberFormatException e) {
                        throw new HeedStreamsException(
                                source
                                        + " line "
                                        + row
                                        + ": column '"
                                        + names[i]
                                        + "' holds '"
                                        + cells[i + 1]
                                        + "', not a number; every column after the timestamp"
                                        + " must be numeric");
                    }
                }
                t.ts().add(epochMs(cells[0], source, row));
                t.values().add(v);
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long epochMs(String cell, String source, int row) {
        String v = cell.trim();
        if (v.matches("\\d{10,}")) {
            return Long.parseLong(v);
        }
        String iso = v.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new HeedStreamsException(
                        source
                                + " line "
                                + row
                                + ": timestamp '"
                                + cell
                                + "' is neither ISO-8601 (2014-05-14 01:14:00) nor epoch ms");
            }
        }
    }

    /** {@code {"series": ..., "ts": ..., "values": {...}}}. */
    public static byte[] json(String series, long ts, String[] names, double[] values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("series", series);
            g.writeNumberField("ts", ts);
            g.writeObjectFieldStart("values");
            for (int i = 0; i < names.length; i++) {
                g.writeNumberField(names[i], values[i]);
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
