package dev.heed.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Peak resident memory of this process (Linux {@code /proc}) and sizes on disk. */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {}

    /** VmHWM in KiB, or -1 where /proc is not available. */
    static long peakRssKib() {
        try {
            return parseKib(Files.readString(STATUS), "VmHWM:");
        } catch (IOException e) {
            return -1;
        }
    }

    /** Resets the peak (VmHWM) to the current RSS; false where the kernel does not allow it. */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The KiB value of a {@code /proc/<pid>/status} field such as {@code VmHWM:}; -1 if absent. */
    static long parseKib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                String v = line.substring(field.length()).trim();
                return Long.parseLong(v.split("\\s+")[0]);
            }
        }
        return -1;
    }

    /**
     * Total bytes of the RocksDB table files ({@code *.sst}) under {@code dir}, the stored data
     * without RocksDB's fixed per-store logs and manifests; 0 if it does not exist. Read after the
     * stores are closed, when the memtables have been flushed.
     */
    static long tableBytes(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".sst"))
                    .mapToLong(
                            p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    return 0; // a RocksDB file deleted while walking
                                }
                            })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
