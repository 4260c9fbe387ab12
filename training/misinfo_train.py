"""Train vigia's misinformation detector head on CONSTRAINT (train), tuned on val.

Run through `scripts/train-misinfo` (it prepares the model cache and the Python environment).
Writes crates/classify/resources/misinfo/<out-name>.json (metadata, figures, recipe, parity
fixtures) and <out-name>.bin (little-endian f32 arrays in the order the json's `layout` lists);
`head` is the hospital profile (default), `head-news` the news profile (`--no-background`).

Two variants are trained on the same features:
  full     encoder features (multilingual-e5-small, "query: " prefix: the mean hidden states of
           layers LAYERS, each L2-normalised, 384 dims each; the sentiment head reads the same
           encoder output, so the pipeline runs the encoder once for both)
           + hashed TF-IDF word/char n-grams + link/style features
  lexical  hashed TF-IDF n-grams + link/style features (used when no encoder is loaded)
Background (`--no-background` leaves it out): CONSTRAINT is COVID-19 news, where "real" means an
official outlet's wording, so a head fitted on it alone calls almost any first-person health post
"fake" ("got my flu jab at the pharmacy today"). Two kinds of posts that spread no false claim
form a third class, "everyday":
- the UMSAB train tweets (8 languages), total weight `ratio` x the CONSTRAINT real count;
- the project's own synthetic healthcare posts in other tasks' labelled sets (PHI sets and the
  language-identification set: patient stories, reviews, appointments, hospital notices in
  en/es/ca/it), total weight `domain ratio` x the real count. Posts that nearly repeat one of the
  false-alarm set's (character 5-gram Jaccard >= 0.4) are dropped first, and every fourth one is
  held out to measure how many the head flags.
With the background the model is a multinomial logistic regression over real / fake / everyday
(lbfgs), shipped as two linear contrasts (fake vs real, fake vs everyday) whose logits give
P(fake); as a third class the background does not bend the boundary between CONSTRAINT's real
and fake posts, as it did when it was labelled real (0.9415 -> 0.95 val F1 here). Without it the
model is binary (liblinear). The ratios and C are picked by the mean of three figures: CONSTRAINT
val weighted F1, the share of UMSAB val left unflagged, and the share of held-out domain posts
left unflagged.

The false-alarm rate on patient and hospital posts is measured on data never used here
(`vigia eval misinfo --hospital`: the aspect set, the Catalan set, the claim negatives).
"""
import argparse
import csv
import hashlib
import json
import re
import struct
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_fscore_support

sys.path.insert(0, str(Path(__file__).resolve().parent))
import embed_umsab as EU  # noqa: E402
import misinfo_features as F  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "crates/classify/resources/misinfo"
ENCODER_NAME = "multilingual-e5-small@q4-dequant"


def sha256(p):
    return hashlib.sha256(Path(p).read_bytes()).hexdigest()


def load(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    return [r["tweet"] for r in rows], np.array([1 if r["label"].strip() == "fake" else 0 for r in rows])


LAYERS = list(range(1, 13))  # chosen by 3-fold CV on CONSTRAINT train (see the README)
EMB_SCALE = 1.0


def layer_features(lm):
    """The embedding block: layers LAYERS' means, each L2-normalised, times EMB_SCALE (Rust:
    misinfo::head::DetectorHead::embedding_block)."""
    return EU.layer_block(lm, LAYERS, EMB_SCALE)


LANGS = ["arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish"]
RATIOS = [0.1, 0.3]
DOMAIN_RATIOS = [0.3, 1.0]
# Other tasks' labelled sets of synthetic healthcare posts: the domain background.
DOMAIN_SETS = [f"tests/data/phi/{n}.jsonl" for n in ("dev", "heldout", "stress", "stress2", "stress3", "stress4", "stress5",
                                                      "stress6", "stress7", "stress8", "stress9", "stress10", "stress11",
                                                      "stress12", "stress13", "stress14")] + [
    "tests/data/lang/social.tsv"
]
# The lexical variant keeps the first sets only: with all of them it learnt that exclamation
# marks and "share" are everyday talk and rated "Vaccines cause autism. They don't want you to
# know! Share before they delete it!!!" as reliable (p = 0.01; a unit test caught it).
DOMAIN_SETS_LEXICAL = DOMAIN_SETS[:7] + DOMAIN_SETS[-1:]
# The later PHI sets hold a few myths and debunks among their hard negatives: a post that talks
# about a myth or a cure is no "everyday" example, so it is left out of the background.
MYTH_TALK = r"(?i)myth|mito|mite|bulo|hoax|bufala|fake news|fals[oa] que|\b5g\b|detox|\bcur(?:e|es|ed|a|ar|ano)\b|autis|chemtrail|ivermectin|bleach|lej[ií]a|graphene|grafeno"
# `vigia eval misinfo --hospital`'s false-alarm set (HOSPITAL_SETS in crates/vigia/src/eval/misinfo.rs):
# never trained on; domain posts that nearly repeat one of these are dropped.
HOSPITAL_EVAL = ["tests/data/aspects/dev.jsonl", "tests/data/aspects/test.jsonl",
                 "tests/data/catalan/healthcare_text.txt", "tests/data/misinfo/negatives.tsv"]


def load_umsab(umsab: Path, split: str):
    texts = []
    for lang in LANGS:
        d = umsab / lang
        n = len((d / f"{split}_labels.txt").read_text().split())
        texts += (d / f"{split}_text.txt").read_text(encoding="utf-8").split("\n")[:n]
    return texts


def read_texts(rel):
    """Texts of a JSONL (`text` field), TSV (`lang<TAB>text`) or one-per-line file under ROOT."""
    out = []
    for line in (ROOT / rel).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if rel.endswith(".jsonl"):
            out.append(json.loads(line)["text"])
        elif rel.endswith(".tsv"):
            out.append(line.split("\t", 1)[-1])
        else:
            out.append(line.strip())
    return out


def char_grams(t, n=5):
    f = "".join(c for c in unicodedata.normalize("NFD", t.lower()) if unicodedata.category(c) != "Mn")
    f = re.sub(r"\s+", " ", f)
    return {f[i : i + n] for i in range(max(1, len(f) - n + 1))}


def load_domain(sets=None):
    """(train texts, held-out texts, files' sha256, dropped count) of the domain background
    (dropped: near the false-alarm set, or talking about a myth or a cure)."""
    hosp = [char_grams(t) for rel in HOSPITAL_EVAL for t in read_texts(rel)]
    sets = sets or DOMAIN_SETS
    texts = list(dict.fromkeys(t for rel in sets for t in read_texts(rel)))
    kept = []
    for t in texts:
        if re.search(MYTH_TALK, t):
            continue
        g = char_grams(t)
        if max(len(g & h) / len(g | h) for h in hosp) < 0.4:
            kept.append(t)
    digest = hashlib.sha256("".join(sha256(ROOT / rel) for rel in sets).encode()).hexdigest()
    return [t for i, t in enumerate(kept) if i % 4], kept[::4], digest, len(texts) - len(kept)


def umsab_embeddings(texts, model_dir, split, key):
    """UMSAB layer means: from the sentiment trainer's feature cache when it holds them (the
    same graph, prefix and pooling), else computed."""
    feat = ROOT / f".cache/features/query-{key}/{split}.npz"
    if feat.exists():
        lm = np.load(feat)["layer_means"]
        if len(lm) == len(texts):
            return lm
    h = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    return EU.cached_layer_means(texts, model_dir, ROOT / f".cache/features/misinfo-umsab/{split}.npz", key + h)


def lexical_matrix(texts, idf=None):
    counts = [tuple(F.bucket_counts(b) for b in F.raw_features(t)) for t in texts]
    if idf is None:
        idf = F.idf_of(counts)
    return F.tfidf_matrix(counts, idf), idf


def meta_matrix(texts):
    return np.array([F.meta(t, F.text_urls(t)) for t in texts], dtype=np.float64)


def figures(y, p, thr):
    pred = (p >= thr).astype(int)
    pr, rc, f1, _ = precision_recall_fscore_support(y, pred, labels=[1], zero_division=0)
    return {
        "weighted_f1": round(float(f1_score(y, pred, average="weighted")), 4),
        "fake_f1": round(float(f1[0]), 4),
        "fake_precision": round(float(pr[0]), 4),
        "fake_recall": round(float(rc[0]), 4),
        "accuracy": round(float((pred == y).mean()), 4),
        "threshold": thr,
        "n": int(len(y)),
    }


def fit(X, y, Xv, yv, grid, name, weights=None, checks=()):
    """Best (score, C, model, val probabilities, (ratio, domain ratio), unflagged shares) over C
    and the background ratios. With `weights` (background rows present, labelled 2) the model is
    a three-class multinomial regression (real, fake, everyday) and "fake" is its class 1; without,
    binary. `weights(r, rd)`: sample weights for the UMSAB ratio r and the domain ratio rd;
    `checks`: feature matrices of posts that should stay unflagged (UMSAB val, held-out domain
    posts), each scored by the share left unflagged."""
    best = None
    pairs = [(r, rd) for r in RATIOS for rd in DOMAIN_RATIOS] if weights else [(0.0, 0.0)]
    for r, rd in pairs:
        for C in grid:
            if weights:  # three classes: real, fake, everyday (multinomial)
                m = LogisticRegression(C=C, solver="lbfgs", max_iter=2000).fit(X, y, sample_weight=weights(r, rd))
            else:
                m = LogisticRegression(C=C, solver="liblinear", max_iter=5000).fit(X, y)
            p = m.predict_proba(Xv)[:, 1]
            f = f1_score(yv, (p >= 0.5).astype(int), average="weighted")
            quiet = [float((m.predict_proba(Xc)[:, 1] < 0.5).mean()) for Xc in checks]
            score = (f + sum(quiet)) / (1 + len(quiet))
            print(f"  {name} bg={r} domain={rd} C={C}: val weighted F1 {f:.4f}, unflagged "
                  + " ".join(f"{q:.4f}" for q in quiet), file=sys.stderr)
            if best is None or score > best[0]:
                best = (score, C, m, p, (r, rd), quiet)
    return best


def contrasts(m):
    """(weights, bias) of the logit of fake against real, then, for a three-class model, of fake
    against everyday. P(fake) = 1 / (1 + exp(-l1) + exp(-l2)) = sigmoid(-logaddexp(-l1, -l2))."""
    W, b = m.coef_, m.intercept_
    if W.shape[0] == 1:
        return [(W[0], float(b[0]))]
    return [(W[1] - W[0], float(b[1] - b[0])), (W[1] - W[2], float(b[1] - b[2]))]


def fake_logit(parts):
    """The logit of P(fake) from the contrasts' logits."""
    return float(-np.logaddexp.reduce([-l for l in parts]))


def unflagged(quiet):
    names = ("umsab_val_unflagged", "domain_heldout_unflagged")
    return {n: round(q, 4) for n, q in zip(names, quiet)}


def render(meta):
    """Indented JSON with each parity case on one line (they hold long feature lists)."""
    parity = meta.pop("parity")
    text = json.dumps(meta, indent=1, ensure_ascii=False)
    cases = ",\n  ".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in parity)
    meta["parity"] = parity
    return text[:-2] + ',\n "parity": [\n  ' + cases + "\n ]\n}\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/constraint"))
    ap.add_argument("--model-dir", default=str(ROOT / ".cache/models/e5-small"))
    ap.add_argument("--no-embeddings", action="store_true", help="train the lexical head only")
    ap.add_argument("--umsab", default=str(ROOT.parent / "shared/data/umsab"), help="background negatives")
    ap.add_argument("--no-background", action="store_true", help="CONSTRAINT train only")
    ap.add_argument("--out-name", default="head",
                    help="file stem under resources/misinfo (head: the hospital profile; head-news: "
                         "the news profile, trained with --no-background)")
    a = ap.parse_args()
    data = Path(a.data)
    tr, va = data / "train.csv", data / "val.csv"
    Xt, yt = load(tr)
    Xv, yv = load(va)
    n_constraint, n_real = len(Xt), int((yt == 0).sum())
    bg = [] if a.no_background else load_umsab(Path(a.umsab), "train")
    bgv = [] if a.no_background else load_umsab(Path(a.umsab), "val")
    dom, domv, dom_sha, dom_dropped = ([], [], None, 0) if a.no_background else load_domain()
    Xt = Xt + bg + dom
    # Background rows are their own class ("everyday"), so they need not bend the boundary
    # between CONSTRAINT's real and fake posts.
    yt = np.concatenate([yt, np.full(len(bg) + len(dom), 2, dtype=yt.dtype)])
    print(f"train {n_constraint} (+{len(bg)} background, +{len(dom)} domain; {len(domv)} domain held out, "
          f"{dom_dropped} dropped as near the false-alarm set) val {len(Xv)}", file=sys.stderr)

    def weights_for(n_dom):
        """`fit`'s weights(r, rd) over CONSTRAINT train, the UMSAB background and `n_dom` domain
        rows, in that order."""
        def weights(r, rd):
            w = np.ones(n_constraint + len(bg) + n_dom)
            w[n_constraint : n_constraint + len(bg)] = r * n_real / max(len(bg), 1)
            w[n_constraint + len(bg) :] = rd * n_real / max(n_dom, 1)
            return w
        return weights

    wfn = weights_for(len(dom)) if bg else None
    t0 = time.time()
    Lt, idf = lexical_matrix(Xt)
    Lv, _ = lexical_matrix(Xv, idf)
    Mt, Mv = meta_matrix(Xt), meta_matrix(Xv)
    checks_lex = []
    if bg:
        for texts in (bgv, domv):
            checks_lex.append((meta_matrix(texts), lexical_matrix(texts, idf)[0]))
    print(f"lexical features in {time.time() - t0:.0f}s", file=sys.stderr)

    # The lexical variant: the same rows with the smaller domain background (DOMAIN_SETS_LEXICAL),
    # on the same idf.
    dom_l, domv_l, dom_l_sha, _ = ([], [], None, 0) if a.no_background else load_domain(DOMAIN_SETS_LEXICAL)
    # Rows are featurised one by one on the shared idf: reuse CONSTRAINT's and UMSAB's.
    shared = n_constraint + len(bg)
    yl = np.concatenate([yt[:shared], np.full(len(dom_l), 2, dtype=yt.dtype)])
    Ml = np.vstack([Mt[:shared], meta_matrix(dom_l)]) if dom_l else Mt[:shared]
    Ll = vstack([Lt[:shared], lexical_matrix(dom_l, idf)[0]]).tocsr() if dom_l else Lt[:shared]
    checks_l = [checks_lex[0], (meta_matrix(domv_l), lexical_matrix(domv_l, idf)[0])] if bg else []
    lex_best = fit(hstack([Ml, Ll]).tocsr(), yl, hstack([Mv, Lv]).tocsr(), yv, [30, 100, 300], "lexical",
                   weights_for(len(dom_l)) if bg else None, [hstack([M, L]).tocsr() for M, L in checks_l])
    result = {"lexical": lex_best}

    full_best = None
    model_dir = Path(a.model_dir)
    if not a.no_embeddings:
        key = sha256(model_dir / "model.onnx")[:16]
        cache = ROOT / ".cache/features/misinfo-constraint"
        Et = layer_features(EU.cached_layer_means(Xt[:n_constraint], model_dir, cache / "train.npz", key + sha256(tr)[:16]))
        Ev = layer_features(EU.cached_layer_means(Xv, model_dir, cache / "val.npz", key + sha256(va)[:16]))
        checks = []
        if bg:
            dkey = key + dom_sha[:16]
            Et = np.vstack([Et, layer_features(umsab_embeddings(bg, model_dir, "train", key)),
                            layer_features(EU.cached_layer_means(dom, model_dir, cache / "domain-train.npz", dkey))])
            Ec = [layer_features(umsab_embeddings(bgv, model_dir, "val", key)),
                  layer_features(EU.cached_layer_means(domv, model_dir, cache / "domain-heldout.npz", dkey))]
            checks = [hstack([csr_matrix(E), M, L]).tocsr() for E, (M, L) in zip(Ec, checks_lex)]
        full_best = fit(
            hstack([csr_matrix(Et), Mt, Lt]).tocsr(), yt, hstack([csr_matrix(Ev), Mv, Lv]).tocsr(), yv,
            [10, 30, 100], "full", wfn, checks,
        )
        result["full"] = full_best

    # ---- write head.bin and head.json ----
    blobs = [idf.astype("<f4").tobytes()]
    layout = [f"idf f32[{F.DIM}]"]
    meta = {
        "name": "constraint-misinfo-" + a.out_name,
        "version": time.strftime("%Y%m%d"),
        "features_version": F.FEATURES_VERSION,
        "lexical_dim": F.DIM,
        "embedding_dim": 384 * len(LAYERS),
        "embedding_layers": LAYERS,
        "embedding_scale": EMB_SCALE,
        "meta_names": F.META_NAMES,
        "encoder": ENCODER_NAME,
    }
    if full_best is not None:
        f, C, m, p, (ratio, dratio), quiet = full_best
        cs = contrasts(m)
        E = 384 * len(LAYERS)
        for (w, _), pre in zip(cs, ("full", "full.vs_everyday")):
            blobs += [w[:E].astype("<f4").tobytes(), w[E : E + len(F.META_NAMES)].astype("<f4").tobytes(),
                      w[E + len(F.META_NAMES) :].astype("<f4").tobytes()]
            layout += [f"{pre}.embedding f32[{E}]", f"{pre}.meta f32[{len(F.META_NAMES)}]", f"{pre}.lexical f32[{F.DIM}]"]
        meta["full"] = {"bias": cs[0][1], "threshold": 0.5, "C": C, "background_ratio": ratio,
                        "domain_ratio": dratio, "val": {**figures(yv, p, 0.5), **unflagged(quiet)}}
        if len(cs) > 1:
            meta["full"]["bias_vs_everyday"] = cs[1][1]
    f, C, m, p, (ratio, dratio), quiet = lex_best
    cs = contrasts(m)
    for (w, _), pre in zip(cs, ("lexical", "lexical.vs_everyday")):
        blobs += [w[: len(F.META_NAMES)].astype("<f4").tobytes(), w[len(F.META_NAMES) :].astype("<f4").tobytes()]
        layout += [f"{pre}.meta f32[{len(F.META_NAMES)}]", f"{pre}.lexical f32[{F.DIM}]"]
    meta["lexical"] = {"bias": cs[0][1], "threshold": 0.5, "C": C, "background_ratio": ratio,
                       "domain_ratio": dratio, "val": {**figures(yv, p, 0.5), **unflagged(quiet)}}
    if len(cs) > 1:
        meta["lexical"]["bias_vs_everyday"] = cs[1][1]
    meta["layout"] = layout
    blob = b"".join(blobs)
    meta["weights_sha256"] = hashlib.sha256(blob).hexdigest()
    meta["data"] = {
        "train": {"file": "constraint/train.csv", "sha256": sha256(tr), "n": n_constraint},
        "val": {"file": "constraint/val.csv", "sha256": sha256(va), "n": len(Xv)},
        "source": "CONSTRAINT@AAAI-2021 COVID-19 fake news detection (English); research use",
    }
    if bg:
        meta["data"]["background"] = {
            "file": "umsab/*/train_text.txt (class everyday); umsab/*/val_text.txt picks the ratio",
            "n": len(bg), "sha256": hashlib.sha256("\n".join(bg).encode()).hexdigest(),
            "weight": "ratio x CONSTRAINT train real count, spread over the background rows",
        }
        meta["data"]["domain_background"] = {
            "files": DOMAIN_SETS, "sha256": dom_sha, "n": len(dom), "held_out": len(domv),
            "dropped_near_false_alarm_set_or_myth_talk": dom_dropped,
            "lexical_variant": {"files": DOMAIN_SETS_LEXICAL, "sha256": dom_l_sha, "n": len(dom_l),
                                "held_out": len(domv_l)},
            "weight": "domain ratio x CONSTRAINT train real count, spread over the domain rows; every 4th post held out",
        }
    meta["recipe"] = {
        "script": "training/misinfo_train.py via scripts/train-misinfo",
        "model": ("multinomial logistic regression over three classes, real / fake / everyday (scikit-learn lbfgs, L2), shipped as two "
                  "contrasts: fake vs real and fake vs everyday; C, background and domain ratios picked on the mean of CONSTRAINT val weighted F1, "
                  "the UMSAB val unflagged share and the held-out domain unflagged share" if bg else
                  "binary logistic regression (scikit-learn liblinear, L2); C picked on CONSTRAINT val weighted F1"),
        "features": "see training/misinfo_features.py (spec) and crates/classify/src/misinfo/features.rs",
        "embedding": f"multilingual-e5-small ONNX graph from scripts/models, 'query: ' prefix: mean hidden states of layers {LAYERS}, each L2-normalised, times {EMB_SCALE}",
        "sklearn": __import__("sklearn").__version__,
        "numpy": np.__version__,
    }
    # parity fixtures: the lexical head's logit and features for a few texts

    cases = Xv[:6] + [
        "¡Es falso que las vacunas causen autismo! https://maldita.es/malditobulo/x",
        "WAKE UP!!! Big Pharma hides the cure https://www.naturalnews.com/2020-01-01-x.html #truth @someone",
        "L'hospital de Sant Pau ha vacunat 12.000 persones aquesta setmana",
        "Il vaccino antinfluenzale ti fa venire l'influenza? Non è vero.",
    ]
    parity = []
    for t in cases:
        lx = F.vectorise(t, idf)
        mt = F.meta(t, F.text_urls(t))
        x = np.zeros(len(F.META_NAMES) + F.DIM)
        x[: len(F.META_NAMES)] = mt
        for k, v in lx.items():
            x[len(F.META_NAMES) + k] += v
        logit = fake_logit([b + x @ w for w, b in cs])
        parity.append({"text": t, "lexical": sorted([[k, round(v, 7)] for k, v in lx.items()]), "meta": [float(x) for x in mt],
                       "lexical_logit": logit})
    meta["parity"] = parity
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{a.out_name}.bin").write_bytes(blob)
    (OUT / f"{a.out_name}.json").write_text(render(meta))
    print(json.dumps({k: meta[k]["val"] for k in ("full", "lexical") if k in meta}, indent=1))
    print(f"wrote {OUT / a.out_name}.json and .bin ({len(blob) / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
