"""Compute encoder features for UMSAB with the project's ONNX graph (the same file the Rust `onnx`
engines run). Writes one .npz per split with `layer_means` [n, 13, 384] (float16), `labels`, `lang`.

Also the helpers every trainer uses: `layer_means` (a session's per-layer mean hidden states
of a list of texts), `cached_layer_means` (the same from a model folder, cached on disk) and
`layer_block` (a head's features from them, as Rust's `encoder::layer_block` computes them).

Usage: embed_umsab.py MODEL_ONNX TOKENIZER_JSON DATA_DIR OUT_DIR [--prefix "query: "]
"""
import argparse
import sys
import time
from pathlib import Path

import numpy as np

LANGS = ["arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish"]


def batches(encs, size):
    order = np.argsort([len(e.ids) for e in encs])
    for i in range(0, len(order), size):
        yield order[i : i + size]


def padded(encs, idx):
    """Input ids (pad 1) and attention mask [len(idx), longest] for the encodings `encs[idx]`."""
    L = max(len(encs[i].ids) for i in idx)
    ids = np.ones((len(idx), L), dtype=np.int64)
    mask = np.zeros((len(idx), L), dtype=np.int64)
    for r, i in enumerate(idx):
        n = len(encs[i].ids)
        ids[r, :n] = encs[i].ids
        mask[r, :n] = 1
    return ids, mask


def layer_means(sess, tok, texts, prefix="query: ", batch=64, output="layer_means"):
    """Per-layer mean hidden states [n, 13, 384] (float16) of `texts` from an onnxruntime session
    of the project's graph, in input order; batches of similar length, padded to their longest.
    `output` names the graph output (`sentiment_layer_means` for the adapted branch)."""
    encs = tok.encode_batch([prefix + t for t in texts])
    feats = np.zeros((len(texts), 13, 384), dtype=np.float16)
    for idx in batches(encs, batch):
        ids, mask = padded(encs, idx)
        feats[idx] = sess.run([output], {"input_ids": ids, "attention_mask": mask})[0].astype(np.float16)
    return feats


def cached_layer_means(texts, model_dir, cache, key):
    """`layer_means` of `texts` with the project's graph in `model_dir` (texts cut at 512 tokens,
    as the Rust engines do), cached in the .npz `cache` under `key` (recomputed when the key
    differs)."""
    cache = Path(cache)
    if cache.exists():
        z = np.load(cache)
        if str(z["key"]) == key and "layer_means" in z.files:
            return z["layer_means"]
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    tok.enable_truncation(512)
    sess = ort.InferenceSession(str(Path(model_dir) / "model.onnx"), providers=["CPUExecutionProvider"])
    t0 = time.time()
    emb = layer_means(sess, tok, texts)
    print(f"  embedded {len(texts)} texts ({time.time() - t0:.0f}s)", file=sys.stderr)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, layer_means=emb, key=key)
    return emb


def layer_block(lm, layers, scale=1.0):
    """A head's features from layer means [n, 13, 384]: the chosen layers' means, each
    L2-normalised and times `scale`, concatenated (Rust: `encoder::layer_block`)."""
    lm = np.asarray(lm).astype(np.float32)
    return np.hstack([lm[:, l] / np.maximum(np.linalg.norm(lm[:, l], axis=1, keepdims=True), 1e-12) * scale
                      for l in layers])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model"), ap.add_argument("tokenizer"), ap.add_argument("data"), ap.add_argument("out")
    ap.add_argument("--prefix", default="query: ")
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(a.tokenizer)
    tok.enable_truncation(512)
    so = ort.SessionOptions()
    if a.threads:
        so.intra_op_num_threads = a.threads
    sess = ort.InferenceSession(a.model, so, providers=["CPUExecutionProvider"])
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for split in ["train", "val"]:
        texts, labels, langs = [], [], []
        for lang in LANGS:
            d = Path(a.data) / lang
            t = (d / f"{split}_text.txt").read_text(encoding="utf-8").split("\n")
            l = (d / f"{split}_labels.txt").read_text().split()
            t = t[: len(l)]
            texts += t
            labels += [int(x) for x in l]
            langs += [lang] * len(l)
        t0 = time.time()
        feats = layer_means(sess, tok, texts, a.prefix)
        np.savez(out / f"{split}.npz", layer_means=feats, labels=np.array(labels), lang=np.array(langs))
        print(f"{split}: {len(texts)} texts in {time.time()-t0:.1f}s")


if __name__ == "__main__":
    main()
