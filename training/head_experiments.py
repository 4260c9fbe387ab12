"""Compare sentiment-head features and models on cached UMSAB features (embed_umsab.py output).
Prints val macro-F1 overall and per language. Exploration only; train_sentiment.py ships a head."""
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

d = Path(sys.argv[1])
tr, va = np.load(d / "train.npz"), np.load(d / "val.npz")


def norm(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def feats(z, layers):
    lm = z["layer_means"].astype(np.float32)
    return np.concatenate([norm(lm[:, l]) for l in layers], axis=1)


def report(name, pred):
    y, lang = va["labels"], va["lang"]
    per = {l[:2]: f1_score(y[lang == l], pred[lang == l], average="macro") for l in sorted(set(lang))}
    print(f"{name:<40} all {f1_score(y, pred, average='macro'):.3f}  " + " ".join(f"{k} {v:.3f}" for k, v in per.items()), flush=True)


for layers in [[12], [11, 12], [9, 10, 11, 12], [6, 8, 10, 12], [8, 9, 10, 11, 12]]:
    Xtr, Xva = feats(tr, layers), feats(va, layers)
    for C in [1.0, 4.0]:
        clf = LogisticRegression(C=C, max_iter=2000)
        clf.fit(Xtr, tr["labels"])
        report(f"logreg layers={layers} C={C}", clf.predict(Xva))
