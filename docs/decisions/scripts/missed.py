import json, sys, csv, datetime, glob, os
run=sys.argv[1]; prof=sys.argv[2] if len(sys.argv)>2 else "standard"
th=json.load(open(f"{run}/heed/heed_scores.json"))["profiles"][prof]["threshold"]
wins={}
for f in ["../shared/data/nab/labels/combined_windows.json","heed-data/synth-nab/labels/combined_windows.json","heed-data/synth-nab-more/labels/combined_windows.json"]:
    for k,v in json.load(open(f)).items(): wins[k]=[(datetime.datetime.fromisoformat(a[:19]),datetime.datetime.fromisoformat(b[:19])) for a,b in v]
for k,ws in sorted(wins.items()):
    cat,name=k.split("/"); p=f"{run}/heed/{cat}/heed_{name}"
    if not os.path.exists(p): continue
    rows=[(datetime.datetime.fromisoformat(r["timestamp"]),float(r["anomaly_score"])) for r in csv.DictReader(open(p))]
    for a,b in ws:
        hits=[t for t,s in rows if a<=t<=b and s>=th]
        if hits:
            x=(hits[0]-b).total_seconds()/(b-a).total_seconds()
            print("HIT ", k, a, "pos %.2f"%x)
        else:
            print("MISS", k, a)
