import json, sys, datetime, statistics
from statistics import NormalDist
run=sys.argv[1]
sc=json.load(open(f"{run}/heed/heed_scores.json")); th=sc["profiles"]["standard"]["threshold"]
wins={}
for f in ["../shared/data/nab/labels/combined_windows.json","heed-data/synth-nab/labels/combined_windows.json","heed-data/synth-nab-more/labels/combined_windows.json"]:
    for k,v in json.load(open(f)).items(): wins[k]=[(datetime.datetime.fromisoformat(a[:19]),datetime.datetime.fromisoformat(b[:19])) for a,b in v]
for line in open(f"{run}/heed/anomalies.jsonl"):
    r=json.loads(line)
    if r["anomaly_likelihood"]<th or r.get("held_off") or not r["range_break"]: continue
    t=datetime.datetime.fromisoformat(r["ts"][:19]); s=r["series"]
    inside=any(a<=t<=b for a,b in wins.get(s,[]))
    def z(k):
        l=(r.get(k) or {}).get("novelty_likelihood")
        if l is None: return None
        l=min(max(l,1e-12),1-1e-12); return round(NormalDist().inv_cdf(l),2)
    print("TP" if inside else "FP", s.split("/")[-1][:30].ljust(30), "excess %.3f"%r["range_excess"], "shape", z("recent_shape"), "ctx", z("long_context"), "rep", z("representation"))
