#!/usr/bin/env python3
"""FPs and TPs by cause at a profile's threshold: fpc.py RUN_DIR [profile] (reads RUN_DIR/heed)."""
import json, sys, glob, datetime, collections
run = sys.argv[1]; prof = sys.argv[2] if len(sys.argv) > 2 else "standard"
sc = json.load(open(f"{run}/heed/heed_scores.json"))
th = sc["profiles"][prof]["threshold"]
wins = {}
for f in ["../shared/data/nab/labels/combined_windows.json", "heed-data/synth-nab/labels/combined_windows.json",
          "heed-data/synth-nab-more/labels/combined_windows.json"]:
    for k, v in json.load(open(f)).items():
        wins[k] = [(datetime.datetime.fromisoformat(a[:19]), datetime.datetime.fromisoformat(b[:19])) for a, b in v]
fp = collections.Counter(); tp = collections.Counter(); files = collections.Counter()
for line in open(f"{run}/heed/anomalies.jsonl"):
    r = json.loads(line)
    if r["anomaly_likelihood"] < th or r.get("held_off"):
        continue
    t = datetime.datetime.fromisoformat(r["ts"][:19])
    s = r["series"]
    if s not in wins: continue
    inside = any(a <= t <= b for a, b in wins[s])
    if r["range_break"]: cause = "range"
    else:
        c = {k: (r.get(k) or {}).get("novelty_likelihood", 0) for k in ("recent_shape", "long_context", "representation")}
        cause = max(c, key=c.get)
    (tp if inside else fp)[cause] += 1
    if not inside: files[s.split("/")[-1]] += 1
print(prof, "threshold", th, "tp", sc["profiles"][prof]["tp"], "fp", sc["profiles"][prof]["fp"])
print("in windows", dict(tp)); print("outside", dict(fp))
print("fp files", files.most_common(12))
