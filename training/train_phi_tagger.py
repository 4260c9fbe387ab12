"""Train the PHI span tagger: a token classifier (outside / person name / date) over
multilingual-e5-small's per-token hidden states, which the transformer tier runs beside the PHI
rules to find the names and dates they miss.

Why: four rounds of rules (phi-rules@10..@13) each brought their development set to a span
recall near 1.0, yet recall on the next blind set stayed at 0.88-0.89, and the misses were
names and dates in shapes no rule had seen (all-caps names pasted from SMS reminders, hyphenated
and lowercase first names, names of many origins, "3rd March", "7 de enero de 2025").

Features of token t (Rust: `phi::tagger::SpanTagger`): its hidden states in layers TOKEN_LAYERS
(the graph's `token_states` output, each layer's 384 dims L2-normalised), the previous and next
token's the same way times NEIGHBOUR (zeros past either end; `<s>` and `</s>` and the
`query: ` prefix's tokens count as neighbours), then four shape bits of the token's text (its
first character is upper case; it is all upper case and longer than one character; it has an
ASCII digit; it starts a word). A token's text is its character range with the space
SentencePiece folds into it left out; specials and the prefix's tokens have none (their shape
bits are 0 and they are never tagged).

Labels: a token is a name (date) when its range overlaps a gold person_name (date) span.
Decoding (hysteresis): a token may be tagged with its likeliest class when that class's
probability reaches the extension threshold; tagged tokens of one class separated by at most one
character form a run, kept when one of its tokens reaches the threshold ("AMARA" sure, "OSEI"
less so); a run is widened to whole words (letters, digits and hyphens) and trimmed of anything
else at its ends.

Data: every labelled PHI set in SETS (the newest blind set is left out until it has been
measured) and, as posts with no span, 1,000 CONSTRAINT train tweets and 1,000 UMSAB train tweets
(200 each in en, es, it, pt, fr): news and everyday tweets full of public figures, whom the
labelling rules do not count. Selection: the model is fitted without DEV_SET and scored on it;
the threshold is the lowest of THRESHOLDS whose tagged posts among the non-PHI check posts (the
first 800 CONSTRAINT val tweets and 100 UMSAB val tweets per language above) stay at or below
MAX_TAGGED_PER_1000 (a run needs a token at the threshold, so the extension threshold does not
change which posts are tagged); the extension threshold is the one of EXTENDS below it (or none)
with the most exact span boundaries on DEV_SET. The shipped model is then fitted on all the data.

Usage: train_phi_tagger.py --repo ROOT --model-dir DIR --data SHARED_DATA [--out-dir DIR]
Writes span_tagger.json (weights, bias, threshold, parity cases) and span_tagger.meta.json.
"""
import argparse
import csv
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

import embed_umsab as EU  # the training folder is on the path (scripts run its files)

SETS = ["dev", "heldout", "stress", "stress2", "stress3", "stress4", "stress5", "stress6", "stress7",
        "stress8", "stress9", "stress10", "stress11", "stress12", "stress13", "stress14", "stress15", "stress16", "stress17"]
DEV_SET = "stress17"
TOKEN_LAYERS = [8, 10, 12]  # training/e5_onnx.py TOKEN_LAYERS: the `token_states` output
CLASSES = ["outside", "person_name", "date"]
NEIGHBOUR = 0.5
C = 1.0
THRESHOLDS = [0.5, 0.6, 0.7, 0.8]
# Raw tagged posts, before the rules' vetoes (public figures, places, pets...). Session 7: at
# threshold 0.7 the raw count was 10.0 per 1000 while `vigia eval phi --encoder` on the same
# 1,300 check tweets showed the shipped pipeline adding 8 false spans to the rules' 124 (0.8: 6),
# so the raw limit was raised from the disclosure head's 8 to 10.
MAX_TAGGED_PER_1000 = 10.0
# Lower thresholds a token may join a span with (hysteresis); the threshold itself = none.
EXTENDS = [0.5, 0.4, 0.3, 0.2]
PREFIX = "query: "
NAME = "e5-phi-span-logreg@1"
UMSAB_LANGS = ["english", "spanish", "italian", "portuguese", "french"]


def sha256(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def load(repo: Path, data: Path):
    """Posts as dicts (text, spans, group) and the sha256 of every file read."""
    posts, hashes = [], {}
    for s in SETS:
        p = repo / "tests/data/phi" / f"{s}.jsonl"
        hashes[f"tests/data/phi/{s}.jsonl"] = sha256(p.read_bytes())
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                posts.append({"text": r["text"], "spans": r["spans"], "group": s})

    def constraint(split, n):
        p = data / f"constraint/{split}.csv"
        hashes[f"constraint/{split}.csv"] = sha256(p.read_bytes())
        with p.open(encoding="utf-8", newline="") as f:
            return [r["tweet"] for r, _ in zip(csv.DictReader(f), range(n))]

    def umsab(split, per):
        out = []
        for lang in UMSAB_LANGS:
            p = data / f"umsab/{lang}/{split}_text.txt"
            hashes[f"umsab/{lang}/{split}_text.txt"] = sha256(p.read_bytes())
            out += p.read_text(encoding="utf-8").split("\n")[:per]
        return out

    for group, texts in [("non-phi-train:constraint", constraint("train", 1000)),
                         ("non-phi-train:umsab", umsab("train", 200)),
                         ("non-phi-check:constraint", constraint("val", 800)),
                         ("non-phi-check:umsab", umsab("val", 100))]:
        posts += [{"text": t, "spans": [], "group": group} for t in texts]
    return posts, hashes


def token_ranges(text, offsets):
    """Character ranges in `text` of the tokens of PREFIX + text (None for specials and the
    prefix's tokens), without the folded leading space (Rust: encoder::tokenize::token_range)."""
    out = []
    for a, b in offsets:
        a, b = a - len(PREFIX), b - len(PREFIX)
        if b <= 0:
            out.append(None)
            continue
        a = max(a, 0)
        while a < b and text[a].isspace():
            a += 1
        out.append((a, b) if a < b else None)
    return out


def token_states(posts, model_dir: Path, cache: Path):
    """Per post: (token states [n, 1152] float16, token ranges), cached under `cache`."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    graph = model_dir / "model.onnx"
    key = sha256(("\n".join(p["text"] for p in posts) + sha256(graph.read_bytes())).encode())
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(512)
    encs = tok.encode_batch([PREFIX + p["text"] for p in posts])
    ranges = [token_ranges(p["text"], e.offsets) for p, e in zip(posts, encs)]
    if cache.exists():
        z = np.load(cache, allow_pickle=True)
        if str(z["key"]) == key:
            return list(z["states"]), ranges
    sess = ort.InferenceSession(str(graph), providers=["CPUExecutionProvider"])
    states = [None] * len(posts)
    t0 = time.time()
    for idx in EU.batches(encs, 32):
        ids, mask = EU.padded(encs, idx)
        out = sess.run(["token_states"], {"input_ids": ids, "attention_mask": mask})[0]
        for r, j in enumerate(idx):
            states[j] = out[r, : len(encs[j].ids)].astype(np.float16)
    print(f"token states of {len(posts)} posts in {time.time() - t0:.0f}s", file=sys.stderr)
    cache.parent.mkdir(parents=True, exist_ok=True)
    arr = np.empty(len(states), dtype=object)
    arr[:] = states
    np.savez(cache, states=arr, key=key)
    return states, ranges


def shape_bits(text, r):
    if r is None:
        return [0.0, 0.0, 0.0, 0.0]
    a, b = r
    s = text[a:b]
    return [float(s[:1].isupper()), float(len(s) > 1 and s.isupper()),
            float(any("0" <= c <= "9" for c in s)), float(a == 0 or not text[a - 1].isalnum())]


def features(states, text, ranges):
    """[n tokens, 3 x 1152 + 4] (see the module docs)."""
    f = states.astype(np.float32).reshape(len(states), len(TOKEN_LAYERS), -1)
    f = (f / np.maximum(np.linalg.norm(f, axis=2, keepdims=True), 1e-12)).reshape(len(states), -1)
    z = np.zeros((1, f.shape[1]), np.float32)
    prev, nxt = np.vstack([z, f[:-1]]), np.vstack([f[1:], z])
    shape = np.array([shape_bits(text, r) for r in ranges], np.float32)
    return np.hstack([f, NEIGHBOUR * prev, NEIGHBOUR * nxt, shape])


def labels(post, ranges):
    y = np.zeros(len(ranges), int)
    for sp in post["spans"]:
        if sp["type"] in CLASSES:
            for t, r in enumerate(ranges):
                if r and r[0] < sp["end"] and r[1] > sp["start"]:
                    y[t] = CLASSES.index(sp["type"])
    return y


def decode(text, ranges, probs, threshold, extend):
    """(start, end, type) character spans (see the module docs; Rust: SpanTagger::spans).
    Hysteresis: a token whose likeliest class reaches `extend` may join a span of that class,
    but a span needs one token at `threshold` or above."""
    runs, cur = [], None  # cur: [start, end, class, strong]
    for r, p in zip(ranges, probs):
        if r is None:
            continue
        k = int(np.argmax(p[1:])) + 1
        k = k if p[k] >= extend else 0
        strong = bool(k) and p[k] >= threshold
        if k and cur and cur[2] == k and r[0] - cur[1] <= 1:
            cur[1] = r[1]
            cur[3] = cur[3] or strong
            continue
        if cur and cur[3]:
            runs.append(cur)
        cur = [r[0], r[1], k, strong] if k else None
    if cur and cur[3]:
        runs.append(cur)
    out = []
    word = lambda c: c.isalnum() or c == "-"
    for a, b, k, _ in runs:
        while a > 0 and word(text[a - 1]):
            a -= 1
        # an apostrophe between letters is inside a word ("d'abril", "D'Amico"), unless it
        # starts a possessive "'s" (Rust: `decode`'s inner_apostrophe)
        while b < len(text) and (word(text[b]) or (
                text[b] in "'’" and b > 0 and text[b - 1].isalpha() and b + 1 < len(text)
                and text[b + 1].isalpha()
                and not (text[b + 1] == "s" and not (b + 2 < len(text) and text[b + 2].isalnum())))):
            b += 1
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b <= a:
            continue
        if out and a < out[-1][1]:  # widening made two runs meet
            if out[-1][2] == CLASSES[k]:
                out[-1] = (out[-1][0], max(out[-1][1], b), out[-1][2])
            continue
        out.append((a, b, CLASSES[k]))
    return out


def jaccard(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score(posts, X, probs, threshold, extend):
    """Tagger-alone span P/R per class on `posts` (same type, Jaccard >= 0.5, as `vigia eval
    phi`), exact-boundary matches per class, and the number of posts with any tagged span.
    `probs`: each post's per-token probabilities."""
    counts = {c: [0, 0, 0, 0] for c in CLASSES[1:]}  # gold, pred, tp, exact
    tagged = 0
    for p, (_, ranges), pr in zip(posts, X, probs):
        spans = decode(p["text"], ranges, pr, threshold, extend)
        tagged += bool(spans)
        gold = [(g["start"], g["end"], g["type"]) for g in p["spans"] if g["type"] in counts]
        for g in gold:
            counts[g[2]][0] += 1
            counts[g[2]][2] += any(s[2] == g[2] and jaccard(s, g) >= 0.5 for s in spans)
            counts[g[2]][3] += any(s[2] == g[2] and s[:2] == g[:2] for s in spans)
        for s in spans:
            counts[s[2]][1] += 1
    figures = {c: {"gold": g, "tagged": n, "precision": round(tp / max(n, 1), 4), "recall": round(tp / max(g, 1), 4),
                   "exact": ex} for c, (g, n, tp, ex) in counts.items()}
    return figures, tagged


def fit(X, y):
    return LogisticRegression(C=C, max_iter=3000).fit(X, y)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, required=True)
    ap.add_argument("--model-dir", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True, help="../shared/data (CONSTRAINT, UMSAB)")
    ap.add_argument("--out-dir", type=Path)
    a = ap.parse_args()
    out_dir = a.out_dir or a.repo / "crates/classify/resources/phi"
    started = time.time()
    posts, hashes = load(a.repo, a.data)
    states, ranges = token_states(posts, a.model_dir, a.repo / ".cache/features/phi-tagger/all.npz")
    X = [(features(s, p["text"], r), r) for s, p, r in zip(states, posts, ranges)]
    group = np.array([p["group"] for p in posts])
    train = ~np.char.startswith(group.astype(str), "non-phi-check")
    dev = group == DEV_SET
    check = ~train

    def stack(mask):
        idx = np.flatnonzero(mask)
        keep = [np.array([r is not None for r in X[i][1]]) for i in idx]
        return (np.vstack([X[i][0][k] for i, k in zip(idx, keep)]),
                np.concatenate([labels(posts[i], X[i][1])[k] for i, k in zip(idx, keep)]))

    Xt, yt = stack(train & ~dev)
    print(f"selection fit: {len(yt)} tokens, {np.bincount(yt).tolist()} per class", file=sys.stderr)
    model = fit(Xt, yt)
    dev_posts = [p for p, d in zip(posts, dev) if d]
    dev_X = [x for x, d in zip(X, dev) if d]
    check_posts = [p for p, c in zip(posts, check) if c]
    check_X = [x for x, c in zip(X, check) if c]
    # The selection model's probabilities, computed once for every threshold tried.
    dev_p = [model.predict_proba(x) for x, _ in dev_X]
    check_p = [model.predict_proba(x) for x, _ in check_X]
    thresholds = []
    for t in THRESHOLDS:
        figures, _ = score(dev_posts, dev_X, dev_p, t, t)
        _, tagged = score(check_posts, check_X, check_p, t, t)
        thresholds.append({"threshold": t, f"{DEV_SET}_tagger_alone": figures,
                           "non_phi_check_posts_tagged_per_1000": round(1000.0 * tagged / len(check_posts), 2)})
        print(json.dumps(thresholds[-1]), file=sys.stderr)
    ok = [t["threshold"] for t in thresholds if t["non_phi_check_posts_tagged_per_1000"] <= MAX_TAGGED_PER_1000]
    threshold = min(ok) if ok else max(THRESHOLDS)
    # The extension threshold: the most exact boundaries on the dev set (ties: the higher).
    extends = []
    for x in [threshold] + [e for e in EXTENDS if e < threshold]:
        figures, _ = score(dev_posts, dev_X, dev_p, threshold, x)
        extends.append({"extend": x, f"{DEV_SET}_tagger_alone": figures,
                        "exact": sum(f["exact"] for f in figures.values())})
        print(json.dumps(extends[-1]), file=sys.stderr)
    extend = max(extends, key=lambda e: (e["exact"], e["extend"]))["extend"]

    Xa, ya = stack(train)
    print(f"final fit: {len(ya)} tokens, {np.bincount(ya).tolist()} per class", file=sys.stderr)
    final = fit(Xa, ya)
    # Parity cases for the Rust side (crates/classify/src/phi/tagger.rs): per-token
    # probabilities and the decoded spans.
    parity_texts = ["Copied from a text: 'Appointment for AMARA OSEI on Thu 06/02/2025 10:40.'",
                    "La meva mare, Rosa Maria Giralt, va estar 14 hores a urgències el 3 de març.",
                    "Pep Guardiola says the vaccine is safe",
                    "shoutout to the paramedics dean and priya who got here in 8 mins"]
    pst, prg = token_states([{"text": t} for t in parity_texts], a.model_dir,
                            a.repo / ".cache/features/phi-tagger/parity.npz")
    parity = []
    for t, st, rg in zip(parity_texts, pst, prg):
        pr = final.predict_proba(features(st, t, rg))
        parity.append({"text": t, "probs": [[round(float(v), 5) for v in row] for row in pr],
                       "spans": [list(s) for s in decode(t, rg, pr, threshold, extend)]})
    tagger = {
        "name": NAME,
        "classes": CLASSES,
        "token_layers": TOKEN_LAYERS,
        "neighbour_scale": NEIGHBOUR,
        "shape_bits": ["first_upper", "all_upper", "ascii_digit", "word_start"],
        "threshold": threshold,
        "extend_threshold": extend,
        "bias": [round(float(b), 6) for b in final.intercept_],
        "weights": [[round(float(w), 6) for w in row] for row in final.coef_],
        "parity": parity,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "span_tagger.json").write_text(json.dumps(tagger, separators=(",", ":")) + "\n", encoding="utf-8")
    meta = {
        "name": NAME,
        "what": "per-token P(outside / person_name / date); the transformer tier adds the spans it finds "
                "where the PHI rules found nothing, except names the rules decline (public figures, "
                "hospitals and places named after people, pets)",
        "encoder": "multilingual-e5-small, the project's fp32 ONNX graph (scripts/models fetch), "
                   f"output token_states (layers {TOKEN_LAYERS})",
        "encoder_graph_sha256": sha256((a.model_dir / "model.onnx").read_bytes()),
        "data": {"phi_sets": SETS, "non_phi_posts": ["first 1000 rows of constraint/train.csv",
                 f"first 200 lines of umsab/{{{','.join(UMSAB_LANGS)}}}/train_text.txt"],
                 "non_phi_check_posts": ["first 800 rows of constraint/val.csv",
                 f"first 100 lines of umsab/{{{','.join(UMSAB_LANGS)}}}/val_text.txt"],
                 "tokens": int(len(ya)), "tokens_per_class": np.bincount(ya).tolist(), "sha256": hashes},
        "recipe": {"model": "multinomial logistic regression (scikit-learn lbfgs, L2)", "C": C,
                   "features": f"token_states layers {TOKEN_LAYERS}, each L2-normalised; previous and next token x "
                               f"{NEIGHBOUR}; 4 shape bits",
                   "selection": f"fitted without {DEV_SET}, scored on it; threshold: lowest of {THRESHOLDS} "
                                f"tagging at most {MAX_TAGGED_PER_1000} per 1000 non-PHI check posts; extension "
                                f"threshold: of {EXTENDS} below it (or none), the most exact boundaries on {DEV_SET}",
                   "shipped": "refitted on all PHI sets and non-PHI training posts"},
        "thresholds": thresholds,
        "extend_thresholds": extends,
        "parity_spans": {c["text"]: c["spans"] for c in parity},
        "sklearn": __import__("sklearn").__version__,
        "training_seconds": round(time.time() - started, 1),
    }
    (out_dir / "span_tagger.meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")
    print(f"threshold {threshold}; wrote {out_dir}/span_tagger.json")


if __name__ == "__main__":
    main()
