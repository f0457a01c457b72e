import dev.heed.audio.*;
import dev.heed.eval.speech.*;
import java.nio.file.Path;
import java.util.*;

/** Frame energies of the speech against those of babble going on after it. */
public class LevelLook {
    static double pct(List<Double> v, double p) { Collections.sort(v); return v.get((int) Math.min(v.size()-1, v.size()*p)); }
    public static void main(String[] a) throws Exception {
        List<Recording> recs = FsddCorpus.load(Path.of("/work/shared/data/fsdd"), i -> i >= 5 && i <= 44, 8000);
        double snr = Double.parseDouble(a[0]);
        var bg = Babble.background(recs, snr, 42);
        List<Double> babRel = new ArrayList<>(), babMaxRel = new ArrayList<>(), lastRel = new ArrayList<>(), speechRel = new ArrayList<>(), peakSpread = new ArrayList<>();
        int n = 80;
        for (int k = 0; k < recs.size(); k += 4) {
            float[] x = recs.get(k).samples();
            int pad = 2400, tail = 8000 * 3;
            float[] y = new float[pad + x.length + tail];
            System.arraycopy(x, 0, y, pad, x.length);
            float[] yb = bg.apply(y);
            double peak = -200;
            List<Double> sp = new ArrayList<>();
            for (int f = pad / n; f < (pad + x.length) / n; f++) {
                double db = en(y, f * n, n); // clean speech frame
                peak = Math.max(peak, db);
            }
            double peakB = -200;
            for (int f = pad / n; f < (pad + x.length) / n; f++) peakB = Math.max(peakB, en(yb, f*n, n));
            peakSpread.add(peakB - peak);
            for (int f = pad / n; f < (pad + x.length) / n; f++) {
                double db = en(y, f * n, n);
                if (db > -60) speechRel.add(db - peak);
            }
            int endF = (pad + x.length) / n;
            for (int f = endF - 15; f < endF; f++) { double db = en(y, f*n, n); if (db > -60) lastRel.add(db - peak); }
            double bmax = -200;
            for (int f = endF + 5; f < y.length / n; f++) { double db = en(yb, f * n, n); babRel.add(db - peakB); bmax = Math.max(bmax, db); }
            babMaxRel.add(bmax - peakB);
        }
        System.out.printf(Locale.ROOT, "snr %.0f: babble-tail frame minus speech peak (noisy): p50 %.1f p90 %.1f p99 %.1f; per-stream max p50 %.1f p90 %.1f max %.1f%n", snr, pct(babRel,.5), pct(babRel,.9), pct(babRel,.99), pct(babMaxRel,.5), pct(babMaxRel,.9), pct(babMaxRel,1));
        System.out.printf(Locale.ROOT, "clean speech frames (>-60) minus peak: p1 %.1f p5 %.1f p10 %.1f p50 %.1f; last 150ms p10 %.1f p50 %.1f%n", pct(speechRel,.01), pct(speechRel,.05), pct(speechRel,.1), pct(speechRel,.5), pct(lastRel,.1), pct(lastRel,.5));
        System.out.printf(Locale.ROOT, "noisy peak minus clean peak: p50 %.1f p90 %.1f%n", pct(peakSpread,.5), pct(peakSpread,.9));
    }
    static double en(float[] x, int from, int n) { double s = 0; for (int i = from; i < from + n && i < x.length; i++) s += x[i]*(double)x[i]; return 10*Math.log10(Math.max(s/n,1e-12)); }
}
