#!/usr/bin/python3
"""Exports a forecaster trained by `heed train` (format djl) to ONNX, for ONNX Runtime.

Run by `heed export onnx`, which writes the model's parameters as a NumPy archive first
(dev.heed.models.ModelExport); by hand:

    /usr/bin/python3 models/tools/export_onnx.py --npz weights.npz \
        --descriptor models/shipped/sensor-default/model.json --out DIR --command "..."

Needs Debian's python3-torch (torch 1.13; torch.onnx.export, no onnx package). The network is
Heed's PatchTstBlock rebuilt in PyTorch (post-norm encoder layers, GELU feed-forward, instance
normalisation inside), with two inference-only rewrites that change no value beyond float
rounding: the query, key and value projections are one product (weights stacked), and the
1/sqrt(D) score scale is folded into the query weights. Dimensions: B batch, T steps, C variables
(1 per row: channel-independent), R = B*C series, P patch length, S stride, N patches, E
embedding, H heads, D = E/H, L layers.
"""

import argparse
import hashlib
import json
import math
import os

import numpy as np
import torch
from torch import nn

EPS = 1e-5  # PatchTstBlock.INSTANCE_NORM_EPS and DJL LayerNorm's default epsilon
OPSET = 14


class Attention(nn.Module):
    def __init__(self, e, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(e, 3 * e)
        self.out = nn.Linear(e, e)

    def forward(self, x):  # x (R, N, E)
        n, e = x.shape[1], x.shape[2]
        d = e // self.heads
        qkv = self.qkv(x).reshape(-1, n, 3, self.heads, d).permute(2, 0, 3, 1, 4)  # (3, R, H, N, D)
        probs = torch.softmax(qkv[0] @ qkv[1].transpose(-2, -1), dim=-1)  # (R, H, N, N)
        y = (probs @ qkv[2]).permute(0, 2, 1, 3).reshape(-1, n, e)  # (R, N, E)
        return self.out(y), probs


class Layer(nn.Module):
    def __init__(self, e, heads, ff):
        super().__init__()
        self.attention = Attention(e, heads)
        self.norm1 = nn.LayerNorm(e, eps=EPS)
        self.ff_in = nn.Linear(e, ff)
        self.ff_out = nn.Linear(ff, e)
        self.norm2 = nn.LayerNorm(e, eps=EPS)

    def forward(self, x):  # x (R, N, E)
        a, probs = self.attention(x)
        h = self.norm1(x + a)
        y = self.norm2(h + self.ff_out(torch.nn.functional.gelu(self.ff_in(h))))
        return y, probs


class Forecaster(nn.Module):
    def __init__(self, d):
        super().__init__()
        a = d["architecture"]
        self.window, self.horizon = d["window"], d["horizon"]
        self.patch_len, self.e = a["patch_len"], a["d_model"]
        stride = a["patch_stride"]
        self.patches = (self.window - self.patch_len) // stride + 2
        index = [min(n * stride + p, self.window - 1)
                 for n in range(self.patches) for p in range(self.patch_len)]
        self.register_buffer("index", torch.tensor(index, dtype=torch.long))  # (N*P)
        self.projection = nn.Linear(self.patch_len, self.e)
        self.position = nn.Parameter(torch.zeros(self.patches, self.e))  # (N, E)
        self.layers = nn.ModuleList(
            [Layer(self.e, a["heads"], a["ff_dim"]) for _ in range(a["layers"])])
        self.head = nn.Linear(self.patches * self.e, self.horizon)

    def forward(self, x):  # x (B, T, C)
        c = x.shape[2]
        mean = x.mean(dim=1, keepdim=True)  # (B, 1, C)
        std = torch.sqrt(((x - mean) ** 2).mean(dim=1, keepdim=True) + EPS)  # (B, 1, C)
        x = (x - mean) / std
        series = x.permute(0, 2, 1).reshape(-1, self.window)  # (R, T)
        patched = torch.index_select(series, 1, self.index).reshape(-1, self.patches,
                                                                    self.patch_len)  # (R, N, P)
        tokens = self.projection(patched) + self.position  # (R, N, E)
        attentions = []
        for layer in self.layers:
            tokens, probs = layer(tokens)
            attentions.append(probs)
        y = self.head(tokens.reshape(-1, self.patches * self.e))  # (R, horizon)
        y = y.reshape(-1, c, self.horizon).permute(0, 2, 1) * std + mean  # (B, horizon, C)
        return y, torch.stack(attentions, dim=1)  # (R, L, H, N, N)


def load(model, w, d):
    """Copies the DJL parameters (names as PatchTstBlock's blocks) into the PyTorch modules."""
    t = lambda k: torch.from_numpy(np.array(w[k], dtype=np.float32))
    used = set()

    def take(k):
        used.add(k)
        return t(k)

    with torch.no_grad():
        model.position.copy_(take("01patchEmbedding_position"))
        model.projection.weight.copy_(take("01patchEmbedding_01projection_weight"))
        model.projection.bias.copy_(take("01patchEmbedding_01projection_bias"))
        scale = 1.0 / math.sqrt(model.e // d["architecture"]["heads"])
        for i, layer in enumerate(model.layers):
            p = "%02dlayer%d_" % (i + 2, i)
            q = [take(p + "01attention_01query_" + s) * scale for s in ("weight", "bias")]
            k = [take(p + "01attention_02key_" + s) for s in ("weight", "bias")]
            v = [take(p + "01attention_03value_" + s) for s in ("weight", "bias")]
            layer.attention.qkv.weight.copy_(torch.cat([q[0], k[0], v[0]], 0))
            layer.attention.qkv.bias.copy_(torch.cat([q[1], k[1], v[1]], 0))
            layer.attention.out.weight.copy_(take(p + "01attention_04output_weight"))
            layer.attention.out.bias.copy_(take(p + "01attention_04output_bias"))
            layer.norm1.weight.copy_(take(p + "02attentionNorm_gamma"))
            layer.norm1.bias.copy_(take(p + "02attentionNorm_beta"))
            layer.ff_in.weight.copy_(take(p + "03feedForwardIn_weight"))
            layer.ff_in.bias.copy_(take(p + "03feedForwardIn_bias"))
            layer.ff_out.weight.copy_(take(p + "04feedForwardOut_weight"))
            layer.ff_out.bias.copy_(take(p + "04feedForwardOut_bias"))
            layer.norm2.weight.copy_(take(p + "05feedForwardNorm_gamma"))
            layer.norm2.bias.copy_(take(p + "05feedForwardNorm_beta"))
        h = "%02dhead_" % (len(model.layers) + 2)
        model.head.weight.copy_(take(h + "weight"))
        model.head.bias.copy_(take(h + "bias"))
    left = sorted(set(w.files) - used)
    if left:
        raise SystemExit("export_onnx: parameters not used (another architecture?): %s" % left)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npz", required=True)
    ap.add_argument("--descriptor", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--command", default="")
    args = ap.parse_args()
    with open(args.descriptor) as f:
        src = json.load(f)
    if src.get("format") != "djl" or src.get("variables") != ["*"] or not src.get("instance_norm"):
        raise SystemExit("export_onnx: only channel-independent djl forecasters with instance_norm"
                         " are exported (variables [\"*\"], instance_norm true)")
    model = Forecaster(src).eval()
    load(model, np.load(args.npz), src)
    os.makedirs(args.out, exist_ok=True)
    onnx_file = os.path.join(args.out, "model.onnx")
    torch.onnx.export(model, (torch.randn(2, src["window"], 1),), onnx_file,
                      input_names=["x"], output_names=["prediction", "attention"],
                      dynamic_axes={"x": {0: "batch"}, "prediction": {0: "batch"},
                                    "attention": {0: "series"}},
                      opset_version=OPSET, do_constant_folding=True)
    d = dict(src)
    d.update({
        "format": "onnx",
        "name": src["name"] + "-onnx",
        "outputs": {"prediction": 0, "attention": 1},
        "weights": "model.onnx",
        "weights_sha256": sha256(onnx_file),
        "exported_from": {"name": src["name"], "version": src["version"],
                          "format": "djl", "weights_sha256": src["weights_sha256"]},
        "export": {"command": args.command, "tool": "models/tools/export_onnx.py",
                   "torch": torch.__version__, "opset": OPSET,
                   "rewrites": "q, k, v projections stacked; 1/sqrt(D) folded into the query"},
    })
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(d, f, indent=2)
        f.write("\n")
    print("export_onnx: wrote %s (%d bytes) and model.json" % (onnx_file, os.path.getsize(onnx_file)))


if __name__ == "__main__":
    main()
