package dev.heed.models.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;

/** Writes generated CSV files: a timestamp column and noisy sines. */
public final class SineData {

    private SineData() {}

    /**
     * Writes {@code rows} rows of columns {@code a} (period 24) and {@code b} (period 12, scaled by
     * 10 and offset by 100), with a little seeded noise.
     */
    public static Path write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("date,a,b\n");
        LocalDateTime time = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int r = 0; r < rows; r++) {
            double a = Math.sin(2 * Math.PI * r / 24) + 0.05 * random.nextGaussian();
            double b = 100 + 10 * Math.sin(2 * Math.PI * r / 12) + 0.5 * random.nextGaussian();
            csv.append(time.plusHours(r))
                    .append(',')
                    .append((float) a)
                    .append(',')
                    .append((float) b)
                    .append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
