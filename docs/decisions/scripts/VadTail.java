import dev.heed.audio.*;
import dev.heed.eval.speech.*;
import java.nio.file.Path;
import java.util.*;

/** How long after the speech ends the VAD says so, with babble going on after it. */
public class VadTail {
    public static void main(String[] a) throws Exception {
        List<Recording> recs = FsddCorpus.load(Path.of("/work/shared/data/fsdd"), i -> i >= 5 && i <= 44, 8000);
        double snr = Double.parseDouble(a[0]);
        for (float th : new float[] {12f, 9f, 6f}) {
            var bg = snr > 0 ? Babble.background(recs, snr, 42) : null;
            List<Double> tails = new ArrayList<>();
            int never = 0, n = 0, starts = 0;
            for (int k = 0; k < recs.size(); k += 4) {
                float[] x = recs.get(k).samples();
                int pad = 2400, tail = 8000 * 5; // 300 ms before, 5 s after
                float[] y = new float[pad + x.length + tail];
                System.arraycopy(x, 0, y, pad, x.length);
                if (bg != null) y = bg.apply(y);
                VadConfig d = VadConfig.defaults(8000);
                EnergyVad v = new EnergyVad(new VadConfig(8000, d.frameSamples(), th, d.minFloorDb(), d.startFrames(), 10));
                double end = -1;
                double speechEnd = (pad + x.length) / 8000.0;
                for (VadEvent e : v.accept(y)) {
                    if (e.kind() == VadEvent.Kind.SPEECH_END && end < 0 && e.seconds() >= speechEnd - 0.05) end = e.seconds();
                    if (e.kind() == VadEvent.Kind.SPEECH_START && e.seconds() > speechEnd + 0.5) starts++;
                }
                n++;
                if (end < 0) { never++; continue; }
                tails.add(end - speechEnd);
            }
            Collections.sort(tails);
            System.out.printf(Locale.ROOT, "snr %.0f th %.0f: %d streams, %d without an end in 5 s after the speech; end-of-speech delay p50 %.2f s p90 %.2f s p99 %.2f s max %.2f s; false starts in the 4.5 s after: %.2f per stream%n",
                snr, th, n, never, tails.get(tails.size()/2), tails.get((int)(tails.size()*0.9)), tails.get((int)(tails.size()*0.99)), tails.get(tails.size()-1), starts / (double) n);
        }
    }
}
