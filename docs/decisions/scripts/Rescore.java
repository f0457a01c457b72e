// usage: java -cp "eval/target/heed.jar:eval/target/lib/*" docs/decisions/scripts/Rescore.java RUN K LAMBDA ZC SCALE CATEGORIES DATA...
// A one-off probe kept for the record (2026-12-07), outside the modules and their formatter.
// (K 0: the run's own scores, rescored; the choice set's categories and --data folders as in heed-data/nabxe.sh)
import dev.heed.eval.nab.*;
import java.nio.file.*;
import java.util.*;

/** Offline probe: rescore a `heed eval nab` result folder with row scores post-processed (CUSUM of z - k). */
public class Rescore {
    public static void main(String[] a) throws Exception {
        Path run = Path.of(a[0]);
        double k = Double.parseDouble(a[1]), lam = Double.parseDouble(a[2]), zc = Double.parseDouble(a[3]), scale = Double.parseDouble(a[4]);
        List<String> cats = List.of(a[5].split(","));
        NabCorpus c = null;
        for (int i = 6; i < a.length; i++) { NabCorpus n = NabCorpus.load(Path.of(a[i])); c = c == null ? n : c.and(n); }
        c = c.only(cats);
        Map<String, double[]> m = new HashMap<>();
        for (NabSeries s : c.series()) {
            String[] p = s.name().split("/");
            List<String> lines = Files.readAllLines(run.resolve("heed").resolve(p[0]).resolve("heed_" + p[1]));
            double[] v = new double[lines.size() - 1];
            double cs = 0;
            for (int r = 1; r < lines.size(); r++) {
                double L = Double.parseDouble(lines.get(r).split(",")[2]);
                double out = L;
                if (k > 0) {
                    if (L <= 0) { cs = 0; }
                    else {
                        double z = z(L);
                        cs = Math.max(0, lam * cs + (z - k));
                        // the accumulated evidence as a z: zc at cs = scale, growing with it
                        double zacc = zc + (cs - scale) / scale;
                        if (cs >= scale) { out = Math.max(L, phi(zacc)); cs = 0; }
                    }
                }
                v[r - 1] = out;
            }
            m.put(s.name(), v);
        }
        NabScore sc = NabScorer.score(c, m);
        for (NabScore.ProfileScore ps : sc.profiles())
            System.out.printf("%-20s thr %.8f TP %d FP %d FN %d score %.1f%n", ps.profile().name(), ps.threshold(), ps.truePositives(), ps.falsePositives(), ps.falseNegatives(), ps.normalized());
    }
    static double z(double L) { L = Math.min(Math.max(L, 1e-12), 1 - 1e-12); double lo = -8, hi = 8; for (int i = 0; i < 80; i++) { double mid = (lo + hi) / 2; if (phi(mid) < L) lo = mid; else hi = mid; } return (lo + hi) / 2; }
    static double phi(double x) { return 0.5 * erfc(-x / Math.sqrt(2)); }
    static double erfc(double x) { double z = Math.abs(x); double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r; }
}
