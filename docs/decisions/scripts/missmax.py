import json, sys, csv, datetime, os
from statistics import NormalDist
run=sys.argv[1]
th=json.load(open(f"{run}/heed/heed_scores.json"))["profiles"]["standard"]["threshold"]
print("threshold z %.2f"%NormalDist().inv_cdf(th))
wins={}
for f in ["../shared/data/nab/labels/combined_windows.json","heed-data/synth-nab/labels/combined_windows.json","heed-data/synth-nab-more/labels/combined_windows.json"]:
    for k,v in json.load(open(f)).items(): wins[k]=[(datetime.datetime.fromisoformat(a[:19]),datetime.datetime.fromisoformat(b[:19])) for a,b in v]
for k,ws in sorted(wins.items()):
    cat,name=k.split("/"); p=f"{run}/heed/{cat}/heed_{name}"
    if not os.path.exists(p): continue
    rows=[(datetime.datetime.fromisoformat(r["timestamp"]),float(r["anomaly_score"])) for r in csv.DictReader(open(p))]
    for a,b in ws:
        inw=[(s,t) for t,s in rows if a<=t<=b]
        s,t=max(inw)
        if s<th:
            z=NormalDist().inv_cdf(min(max(s,1e-12),1-1e-12))
            print("MISS %-55s max z %.2f at %s (window %s..%s)"%(k,z,t,a,b))
