"""Compare sentiment-head features and models on cached UMSAB features (embed_umsab.py output).
Prints macro-F1 overall and per language. Exploration only; train_sentiment.py ships a head.

Usage: head_experiments.py FEATURES_DIR DATA_DIR EXPERIMENT
  layers   logistic regression on encoder layer sets, scored on val (the first exploration)
  cv-lexical  the lexical part of `cv` alone (needs no encoder features)
  cv       5-fold cross-validation on UMSAB *train* of the lexical and fused candidates (selection;
           val is not read)
  val      the candidates chosen by `cv`, fitted on all of train, scored once on val
  pool     train 5-fold CV of the embedding head with max-pooled token states added (layers
           8, 10, 12 of the graph's `token_states`, content tokens only), alone and fused with
           the n-grams (session 7; needs the model cache; caches pooled features in FEATURES_DIR)
Selection is honest: hyper-parameters come from `cv` (train only); `val` is run once per final
candidate.
"""
import pickle
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
import embed_umsab as EU  # noqa: E402
import sentiment_features as SF  # noqa: E402
from misinfo_features import idf_of, tfidf_matrix as lexical_matrix  # noqa: E402

LANGS = ["arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish"]
LAYERS = [9, 10, 11, 12]
SCALE = 4.0


def feats(z, layers=LAYERS, scale=1.0):
    return EU.layer_block(z["layer_means"], layers, scale)


def texts(data, split):
    out = []
    for lang in LANGS:
        d = Path(data) / lang
        t = (d / f"{split}_text.txt").read_text(encoding="utf-8").split("\n")
        n = len((d / f"{split}_labels.txt").read_text().split())
        out += t[:n]
    return out


def lexical_counts(data, split, symbols, cache):
    p = cache / f"lexical-v{SF.VERSION}-{'sym' if symbols else 'nosym'}-{split}.pkl"
    if p.exists():
        return pickle.loads(p.read_bytes())
    t0 = time.time()
    c = [SF.block_counts(t, symbols) for t in texts(data, split)]
    p.write_bytes(pickle.dumps(c))
    print(f"[lexical] {split} symbols={symbols}: {len(c)} texts in {time.time()-t0:.0f}s", flush=True)
    return c


def macro(y, pred, lang=None):
    s = f"all {f1_score(y, pred, average='macro'):.4f}"
    if lang is not None:
        s += "  " + " ".join(f"{l[:2]} {f1_score(y[lang == l], pred[lang == l], average='macro'):.3f}" for l in LANGS)
    return s


def logreg(C):
    return LogisticRegression(C=C, max_iter=3000)


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def exp_layers(tr, va):
    for layers in [[12], [11, 12], [9, 10, 11, 12], [6, 8, 10, 12], [8, 9, 10, 11, 12]]:
        Xtr, Xva = feats(tr, layers), feats(va, layers)
        for C in [1.0, 4.0]:
            clf = logreg(C).fit(Xtr, tr["labels"])
            print(f"logreg layers={layers} C={C}: " + macro(va["labels"], clf.predict(Xva), va["lang"]), flush=True)


def oof(make, X, y, folds):
    """Out-of-fold decision scores (log-probabilities) over train."""
    out = np.zeros((len(y), 3))
    for fit, hold in folds:
        m = make().fit(X[fit], y[fit])
        out[hold] = log_softmax(m.decision_function(X[hold]))
    return out


def train_labels(data):
    y = np.concatenate([np.array((Path(data) / l / "train_labels.txt").read_text().split(), int) for l in LANGS])
    return y, np.repeat(LANGS, len(y) // len(LANGS))


def cv_folds(y, lang):
    strata = y * 8 + np.searchsorted(LANGS, lang)
    return list(StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(y)), strata))


def oof_cached(cache, key, make, X, y, folds):
    p = cache / f"oof-{key.replace(' ', '_')}.npy"
    if p.exists():
        return np.load(p)
    t0 = time.time()
    z = oof(make, X, y, folds)
    np.save(p, z)
    print(f"[cv] {key}: {time.time()-t0:.0f}s", flush=True)
    return z


LEX_GRID = [(True, 3.0), (False, 3.0), (True, 10.0)]


def exp_cv_lexical(data, cache):
    y, lang = train_labels(data)
    folds = cv_folds(y, lang)
    res = {}
    for symbols, C in LEX_GRID:
        counts = lexical_counts(data, "train", symbols, cache)
        # idf over all of train (a small leak into the held-out folds, the same for every candidate)
        L = lexical_matrix(counts, idf_of(counts))
        k = f"lex sym={int(symbols)} C={C}"
        res[k] = oof_cached(cache, k, lambda: logreg(C), L, y, folds)
        print(f"{k}: {macro(y, res[k].argmax(1), lang)}", flush=True)
    return res


def exp_cv(tr, data, cache):
    y, lang = train_labels(data)
    assert (y == tr["labels"]).all() and (lang == tr["lang"]).all()
    folds = cv_folds(y, lang)
    res = {"emb": oof_cached(cache, "emb C=1", lambda: logreg(1.0), feats(tr, scale=SCALE), y, folds)}
    print(f"emb logreg C=1: {macro(y, res['emb'].argmax(1), lang)}", flush=True)
    res.update(exp_cv_lexical(data, cache))
    late_fusion(res, y, lang)


FUSION_WEIGHTS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def late_fusion(res, y, lang):
    """Train-CV macro-F1 of emb + w * lex for every lexical candidate and weight; returns the best."""
    best = None
    for k in [k for k in res if k.startswith("lex")]:
        for w in FUSION_WEIGHTS:
            z = res["emb"] + w * res[k]
            f = f1_score(y, z.argmax(1), average="macro")
            print(f"late emb + {w} * [{k}]: {macro(y, z.argmax(1), lang)}", flush=True)
            if best is None or f > best[0]:
                best = (f, k, w)
    print(f"best by train CV: {best}", flush=True)
    return best


def lang_bias(z, y, lang, grid=np.linspace(-1.0, 1.0, 21)):
    """Per-language additive logit biases (negative, positive; neutral fixed at 0) maximising
    macro-F1 of argmax(z + b) on (z, y): a grid search, one language at a time."""
    out = {}
    for l in LANGS:
        m = lang == l
        best = (-1.0, (0.0, 0.0))
        for bn in grid:
            for bp in grid:
                f = f1_score(y[m], (z[m] + [bn, 0.0, bp]).argmax(1), average="macro")
                if f > best[0] + 1e-9:
                    best = (f, (bn, bp))
        out[l] = np.array([best[1][0], 0.0, best[1][1]])
    return out


def apply_bias(z, lang, b):
    return z + np.stack([b[l] for l in lang])


def exp_val(tr, va, data, cache):
    """The final candidates, fitted on all of train, scored once each on val."""
    y, lang = train_labels(data)
    folds = cv_folds(y, lang)
    o = {"emb": np.load(cache / "oof-emb_C=1.npy")}
    for symbols, C in LEX_GRID:
        p = cache / f"oof-lex_sym={int(symbols)}_C={C}.npy"
        if p.exists():
            o[f"lex sym={int(symbols)} C={C}"] = np.load(p)
    _, k, w = late_fusion(o, y, lang)
    symbols, C = bool(int(k.split("sym=")[1][0])), float(k.split("C=")[1])
    yv, lv = va["labels"], va["lang"]
    t0 = time.time()
    emb = logreg(1.0).fit(feats(tr, scale=SCALE), y)
    ze = log_softmax(emb.decision_function(feats(va, scale=SCALE)))
    counts = lexical_counts(data, "train", symbols, cache)
    idf = idf_of(counts)
    lex = logreg(C).fit(lexical_matrix(counts, idf), y)
    zl = log_softmax(lex.decision_function(lexical_matrix(lexical_counts(data, "val", symbols, cache), idf)))
    print(f"[val] fitted in {time.time()-t0:.0f}s", flush=True)
    print(f"VAL 1 embedding head alone (logreg C=1, layers 9-12): {macro(yv, ze.argmax(1), lv)}")
    print(f"VAL 2 n-grams alone ({k}): {macro(yv, zl.argmax(1), lv)}")
    zf = ze + w * zl
    print(f"VAL 3 fused emb + {w} x [{k}]: {macro(yv, zf.argmax(1), lv)}")
    b = lang_bias(o["emb"] + w * o[k], y, lang)
    print("per-language biases fitted on train OOF:", {l[:2]: v[[0, 2]].round(2).tolist() for l, v in b.items()})
    print(f"VAL 4 fused + per-language bias (train OOF): {macro(yv, apply_bias(zf, lv, b).argmax(1), lv)}")
    pred = np.zeros(len(yv), int)
    for fit, hold in StratifiedKFold(5, shuffle=True, random_state=0).split(zf, yv * 8 + np.searchsorted(LANGS, lv)):
        b = lang_bias(zf[fit], yv[fit], lv[fit])
        pred[hold] = apply_bias(zf[hold], lv[hold], b).argmax(1)
    print(f"VAL 5 fused + per-language bias (5-fold CV within val): {macro(yv, pred, lv)}", flush=True)
    np.save(cache / "val-logits.npy", np.stack([ze, zl]))


def token_pools(data, split, out: Path, model_dir: Path):
    """Max-pooled token states [n, 3, 384] (float16) of UMSAB `split`: the `query: ` prefix,
    `<s>` and `</s>` left out (cached in `out`)."""
    p = out / f"pool-{split}.npz"
    if p.exists():
        return np.load(p)["max"]
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(512)
    sess = ort.InferenceSession(str(model_dir / "model.onnx"), providers=["CPUExecutionProvider"])
    probe = tok.encode("query: hola").tokens
    start = probe.index("▁ho")  # tokens before the text: <s> and the prefix
    ts = texts(data, split)
    encs = tok.encode_batch(["query: " + t for t in ts])
    mx = np.zeros((len(ts), 3, 384), np.float16)
    t0 = time.time()
    for idx in EU.batches(encs, 64):
        ids, mask = EU.padded(encs, idx)
        states = sess.run(["token_states"], {"input_ids": ids, "attention_mask": mask})[0]
        for r, j in enumerate(idx):
            n = len(encs[j].ids)
            s = states[r, start : n - 1] if n - 1 > start else states[r, :n]
            mx[j] = s.reshape(len(s), 3, 384).max(0)
    np.savez(p, max=mx)
    print(f"[pool] {split}: {len(ts)} texts in {time.time()-t0:.0f}s", flush=True)
    return mx


def exp_pool(tr, data, cache, d):
    y, lang = train_labels(data)
    folds = cv_folds(y, lang)
    model_dir = Path(__file__).resolve().parent.parent / ".cache/models/e5-small"
    mx = token_pools(data, "train", d, model_dir).astype(np.float32)
    mx = mx / np.maximum(np.linalg.norm(mx, axis=2, keepdims=True), 1e-12) * SCALE
    X = np.hstack([feats(tr, scale=SCALE), mx.reshape(len(mx), -1)])
    z = oof_cached(cache, "emb+maxpool C=1", lambda: logreg(1.0), X, y, folds)
    base = oof_cached(cache, "emb C=1", lambda: logreg(1.0), feats(tr, scale=SCALE), y, folds)
    lex = np.load(cache / "oof-lex_sym=1_C=3.0.npy")
    print(f"emb: {macro(y, base.argmax(1), lang)}\nemb+maxpool: {macro(y, z.argmax(1), lang)}")
    for w in (0.5, 0.75, 1.0):
        print(f"fused w={w}: emb {f1_score(y, (base + w * lex).argmax(1), average='macro'):.4f}  "
              f"emb+maxpool {f1_score(y, (z + w * lex).argmax(1), average='macro'):.4f}", flush=True)


def main():
    d, data, what = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    cache = d / "lexical"
    cache.mkdir(parents=True, exist_ok=True)
    if what == "cv-lexical":
        return exp_cv_lexical(data, cache)
    tr, va = np.load(d / "train.npz"), np.load(d / "val.npz")
    if what == "layers":
        exp_layers(tr, va)
    elif what == "val":
        exp_val(tr, va, data, cache)
    elif what == "cv":
        exp_cv(tr, data, cache)
    elif what == "pool":
        exp_pool(tr, data, cache, d)


if __name__ == "__main__":
    main()
