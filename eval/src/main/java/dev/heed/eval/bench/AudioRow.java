package dev.heed.eval.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** One concurrency level's result of {@code heed bench audio}, and the table of them. */
record AudioRow(
        int streams,
        double audioSeconds,
        int finals,
        int correct,
        double p50,
        double p99,
        double max,
        double rtf,
        double jitRtf,
        double appRtf,
        long peakRssKib) {

    static void print(List<AudioRow> rows, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%8s %9s %7s %8s %8s %8s %8s %12s %9s %10s %9s %9s %9s %9s%n",
                "streams",
                "audio s",
                "finals",
                "correct",
                "p50 ms",
                "p99 ms",
                "max ms",
                "RTF process",
                "per core",
                "of it JIT",
                "per core*",
                "RTF heed",
                "per core",
                "RSS MiB");
        for (AudioRow r : rows) {
            double warm = r.rtf() - r.jitRtf();
            out.printf(
                    Locale.ROOT,
                    "%8d %9.1f %7d %8d %8.0f %8.0f %8.0f %12.4f %9.0f %10.4f %9.0f %9.4f %9.0f %9d%n",
                    r.streams(),
                    r.audioSeconds(),
                    r.finals(),
                    r.correct(),
                    r.p50(),
                    r.p99(),
                    r.max(),
                    r.rtf(),
                    1 / r.rtf(),
                    r.jitRtf(),
                    1 / warm,
                    r.appRtf(),
                    1 / r.appRtf(),
                    r.peakRssKib() < 0 ? -1 : r.peakRssKib() / 1024);
        }
        out.println(
                "delay: final transcript received by a read_committed consumer minus the end of"
                        + " the word in the stream's wall time (where the recording's digital silence after it"
                        + " begins); correct: finals of a stream that joined say"
                        + " \""
                        + AudioBench.EXPECTED
                        + "\" (per stream); RTF = CPU seconds per second of audio, process ="
                        + " the whole JVM (broker, Heed, the bench's producers and consumer), heed = the Heed"
                        + " application's threads only (stream threads and their Kafka clients); per core ="
                        + " 1 / RTF, the real-time streams one core sustains at that cost; of it JIT = time the"
                        + " JIT compilers spent in the level (the broker's code keeps compiling for minutes);"
                        + " per core* = the process without it; RSS = the JVM's peak resident memory"
                        + " during the level (VmHWM, reset before it; broker and bench included)");
    }
}
