#!/usr/bin/env python3
# the 19:13 rule (speech.md): two models (PFB24S first, PFB24S-BG later) against PFB24S alone, per fold and mean
# usage: chksum.py PREFIX SPEAKER... (PREFIX: chk for heed-data/lg/chk-{one,two}-S-tT.log)
import re, sys
pre, S = sys.argv[1], sys.argv[2:]
def streamed(path):
    t = open(path).read(); o = {}
    o['quiet'] = float(re.search(r"^\s+finals say the label\s+\d+/\d+\s+([\d.]+)%", t, re.M).group(1))
    o['wer'] = float(re.search(r"^\s+digit strings, finals joined\s+WER\s+([\d.]+)%", t, re.M).group(1))
    for db in ("20.0", "10.0", " 5.0"):
        o[db.strip()] = float(re.search(rf"babble {re.escape(db)} dB, finals say the label\s+\d+/\d+\s+([\d.]+)%", t).group(1))
        o['w' + db.strip()] = float(re.search(rf"babble {re.escape(db)} dB, digit strings, finals joined\s+WER\s+([\d.]+)%", t).group(1))
    return o
def whole(path, s):
    m = re.search(rf"^\s+{s}\s+500\s+([\d.]+)%\s+([\d.]+)%", open(path).read(), re.M)
    return float(m.group(1)), float(m.group(2))
rows = {}
for s in S:
    r = {}
    for arm in ("one", "two"):
        a = streamed(f"heed-data/lg/{pre}-{arm}-{s}-t300.log"); b = streamed(f"heed-data/lg/{pre}-{arm}-{s}-t3000.log")
        r[arm] = dict(quiet=a['quiet'], wer=a['wer'], b10=a['10.0'], wb10=a['w10.0'], tail20=b['20.0'], tail10=b['10.0'], tail5=b['5.0'])
    r['base_whole'] = whole(f"heed-data/exp/PFB24S-{s}.log", s); r['later_whole'] = whole(f"heed-data/exp/PFB24S-BG-{s}.log", s)
    rows[s] = r
    print(s, "one", r['one']); print(s, "two", r['two']); print(s, "whole PFB24S", r['base_whole'], "PFB24S-BG", r['later_whole'])
n = len(S); m = lambda arm, k: sum(rows[s][arm][k] for s in S) / n
d = lambda k: m('two', k) - m('one', k)
lines = [("3 s tail 10 dB gain", d('tail10'), ">=", 10), ("3 s tail 20 dB gain", d('tail20'), ">=", 15),
         ("quiet mean change", d('quiet'), ">=", -0.5), ("worst speaker quiet change", min(rows[s]['two']['quiet'] - rows[s]['one']['quiet'] for s in S), ">=", -1.5),
         ("10 dB babble all along change", d('b10'), ">=", -1.0), ("streamed strings WER change", d('wer'), "<=", 1.0),
         ("strings through 10 dB babble WER change", d('wb10'), "<=", 1.5),
         ("later model's whole string WER change", sum(rows[s]['later_whole'][1] - rows[s]['base_whole'][1] for s in S) / n, "<=", 1.0)]
ok = True
for name, v, op, lim in lines:
    v1 = round(v, 1); good = v1 >= lim if op == ">=" else v1 <= lim; ok &= good
    print(f"  {name}: {v:+.2f} {op} {lim:+}: {'met' if good else 'NOT met'}")
print("lines on", S, "ALL MET" if ok else "NOT ALL MET", "(the decision waits for the whole check split and the seed-43 pair)")
