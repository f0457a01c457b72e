package dev.heed.eval.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: the first column left-aligned, the others right-aligned, columns separated by
 * two spaces, a dashed rule under the header. Also renders as a Markdown table for BENCHMARKS.md.
 */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    String text() {
        int[] width = new int[header.size()];
        for (List<String> r : all()) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(out, rule, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", header) + " |\n|");
        for (int c = 0; c < header.size(); c++) {
            out.append(c == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return out.toString();
    }

    private List<List<String>> all() {
        List<List<String>> a = new ArrayList<>(rows);
        a.add(0, header);
        return a;
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            String pad = " ".repeat(width[c] - s.length());
            out.append(c == 0 ? s + pad : pad + s);
            out.append(c == cells.size() - 1 ? "\n" : "  ");
        }
    }

    /** A number with {@code digits} decimals and thousands separators, "-" for NaN. */
    static String num(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return String.format(java.util.Locale.ROOT, "%,." + digits + "f", v);
    }
}
