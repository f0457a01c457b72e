package dev.heed.eval.cli;

import dev.heed.eval.speech.Babble;
import dev.heed.eval.speech.DigitStrings;
import dev.heed.eval.speech.Recording;
import dev.heed.eval.speech.StreamingEvaluation;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What {@code heed eval speech --streaming} prints: the recordings and the digit strings streamed
 * through the audio topology, in quiet and, for each {@code --babble-snr}, with babble heard all
 * along the stream (before, during and after the speech, as a live microphone in a room hears it).
 */
final class StreamedReport {

    private StreamedReport() {}

    static void print(
            PrintStream out,
            StreamingEvaluation.Setup quiet,
            List<Recording> isolated,
            List<DigitStrings.Utterance> joined,
            List<Double> babbleSnr,
            long seed) {
        HeedConfig config = quiet.config();
        out.printf(
                Locale.ROOT,
                "  streamed through the audio topology at %d Hz (audio.preroll %s,"
                        + " audio.vad.hangover %s, audio.vad.threshold.db %s,"
                        + " audio.vad.level.db %s):%n",
                quiet.inputRate(),
                config.getString(HeedKeys.AUDIO_PREROLL),
                config.getString(HeedKeys.AUDIO_VAD_HANGOVER),
                config.getString(HeedKeys.AUDIO_VAD_THRESHOLD_DB),
                config.getString(HeedKeys.AUDIO_VAD_LEVEL_DB));
        level(out, "", quiet, isolated, joined);
        for (double snr : babbleSnr) {
            level(
                    out,
                    String.format(Locale.ROOT, "babble %4.1f dB, ", snr),
                    quiet.hearing(Babble.background(isolated, snr, seed)),
                    isolated,
                    joined);
        }
    }

    private static void level(
            PrintStream out,
            String label,
            StreamingEvaluation.Setup setup,
            List<Recording> isolated,
            List<DigitStrings.Utterance> joined) {
        StreamingEvaluation.Result r = StreamingEvaluation.run(setup, isolated);
        out.printf(
                Locale.ROOT,
                "    %sexactly one final transcript  %d/%d (%d finals in all)%n",
                label,
                r.oneFinal(),
                r.recordings(),
                r.finals());
        out.printf(
                Locale.ROOT,
                "    %sfinals say the label          %d/%d %6.2f%%%n",
                label,
                r.correct(),
                r.recordings(),
                100.0 * r.correct() / Math.max(1, r.recordings()));
        StreamingEvaluation.StringResult s = StreamingEvaluation.runStrings(setup, joined);
        out.printf(
                Locale.ROOT,
                "    %sdigit strings, finals joined  WER %6.2f%% (%d substituted, %d dropped,"
                        + " %d inserted of %d words; %d finals for %d strings)%n",
                label,
                100 * s.wer(),
                s.kinds()[0],
                s.kinds()[1],
                s.kinds()[2],
                s.words(),
                s.finals(),
                s.strings());
    }
}
