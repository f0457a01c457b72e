package dev.heed.models.data;

import dev.heed.models.HeedModelException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV training file: a header, a first column of timestamps (kept as text, not interpreted) and
 * numeric columns. Values are parsed strictly; the error names the file, line, column and text.
 */
public final class CsvTable {

    private final Path file;
    private final List<String> columns;
    private final float[][] values;

    private CsvTable(Path file, List<String> columns, float[][] values) {
        this.file = file;
        this.columns = columns;
        this.values = values;
    }

    public static CsvTable read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new HeedModelException(file + ": empty file, expected a CSV header");
            }
            String[] names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
            if (names.length < 2) {
                throw new HeedModelException(
                        file
                                + ": expected a timestamp column and at least one numeric column: "
                                + header);
            }
            List<String> columns = List.copyOf(Arrays.asList(names).subList(1, names.length));
            List<float[]> rows = new ArrayList<>();
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(parseRow(file, lineNo, line, columns));
            }
            float[][] values = new float[columns.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    values[c][r] = rows.get(r)[c];
                }
            }
            return new CsvTable(file, columns, values);
        } catch (IOException e) {
            throw new HeedModelException(
                    "cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[] parseRow(Path file, int lineNo, String line, List<String> columns) {
        String[] cells = split(line);
        if (cells.length != columns.size() + 1) {
            throw new HeedModelException(
                    file
                            + " line "
                            + lineNo
                            + ": expected "
                            + (columns.size() + 1)
                            + " fields, found "
                            + cells.length
                            + ": "
                            + line);
        }
        float[] row = new float[columns.size()];
        for (int c = 0; c < row.length; c++) {
            String text = cells[c + 1];
            float v;
            try {
                v = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                v = Float.NaN;
            }
            if (!Float.isFinite(v)) {
                throw new HeedModelException(
                        file
                                + " line "
                                + lineNo
                                + " column "
                                + columns.get(c)
                                + ": not a finite number: '"
                                + text
                                + "'");
            }
            row[c] = v;
        }
        return row;
    }

    /** Splits on commas, trimming spaces and surrounding double quotes. */
    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1);
            }
            cells[i] = cell;
        }
        return cells;
    }

    public Path file() {
        return file;
    }

    /** The numeric column names (the header without its first column). */
    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** A column's values, or an error listing the available columns. */
    public float[] column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new HeedModelException(
                    file + ": no column '" + name + "'; columns are " + columns);
        }
        return values[index];
    }
}
