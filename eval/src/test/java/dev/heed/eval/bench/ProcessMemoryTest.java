package dev.heed.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {
    @Test
    void shouldReadAStatusFieldInKib() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100 kB\n";
        assertThat(ProcessMemory.parseKib(status, "VmHWM:")).isEqualTo(123456);
        assertThat(ProcessMemory.parseKib(status, "VmSwap:")).isEqualTo(-1);
    }

    @Test
    void shouldCountOnlyTableFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("0_1/rocksdb/heed-series"));
        Files.write(dir.resolve("0_1/rocksdb/heed-series/000012.sst"), new byte[300]);
        Files.write(dir.resolve("0_1/rocksdb/heed-series/LOG"), new byte[5000]);
        assertThat(ProcessMemory.tableBytes(dir)).isEqualTo(300);
        assertThat(ProcessMemory.tableBytes(dir.resolve("absent"))).isZero();
    }
}
