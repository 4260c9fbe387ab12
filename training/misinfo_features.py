"""Lexical and link features of vigia's misinformation detector head, in Python.

This is the training-side twin of `crates/classify/src/misinfo/features.rs`: both must produce the
same sparse vector for the same text (checked by `misinfo_train.py`, which writes parity fixtures
that a Rust test recomputes). Change one, change the other, and bump FEATURES_VERSION.

Spec (version 1):
  1. NFC-normalise, lowercase.
  2. Tokens: maximal runs of alphanumeric characters, a leading `#` kept; every digit becomes `0`;
     a URL becomes the token `xurl`, an @handle the token `xuser`.
  3. Word features `w|tok` for every token and `b|tok1 tok2` for consecutive pairs.
  4. Char features `c|gram`: 2- to 5-grams of each token padded with one space on each side
     (tokens `xurl`/`xuser` excluded).
  5. Each feature string is hashed with FNV-1a 64 over its UTF-8 bytes; bucket = hash % DIM.
     Counts per bucket -> 1 + ln(count) -> times idf[bucket]. The word block and the char block
     are L2-normalised separately and then added into the same DIM-wide space.
"""
import math
import re
import unicodedata

FEATURES_VERSION = 1
DIM = 1 << 18
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1

URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
HANDLE_RE = re.compile(r"(?<![\w@])@\w+")


def fnv1a(s: str) -> int:
    h = FNV_OFFSET
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * FNV_PRIME) & MASK
    return h


def is_tok_char(c: str) -> bool:
    return c.isalnum() if c.isascii() else unicodedata.category(c)[0] in "LN"


def tokens(text: str):
    text = unicodedata.normalize("NFC", text)
    text = URL_RE.sub(" xurl ", text)
    text = HANDLE_RE.sub(" xuser ", text)
    text = text.lower()
    out, cur, i = [], [], 0
    chars = list(text)
    n = len(chars)
    while i < n:
        c = chars[i]
        if is_tok_char(c):
            cur.append("0" if c.isdigit() and c.isascii() else c)
        elif c == "#" and not cur and i + 1 < n and is_tok_char(chars[i + 1]):
            cur.append("#")
        else:
            if cur:
                out.append("".join(cur))
                cur = []
        i += 1
    if cur:
        out.append("".join(cur))
    return out


def raw_features(text: str):
    """(word feature strings, char feature strings)."""
    toks = tokens(text)
    words = ["w|" + t for t in toks] + ["b|" + a + " " + b for a, b in zip(toks, toks[1:])]
    chars = []
    for t in toks:
        if t in ("xurl", "xuser"):
            continue
        p = " " + t + " "
        L = len(p)
        for n in range(2, 6):
            for i in range(0, L - n + 1):
                chars.append("c|" + p[i : i + n])
    return words, chars


def bucket_counts(feats):
    d = {}
    for f in feats:
        k = fnv1a(f) % DIM
        d[k] = d.get(k, 0) + 1
    return d


def vectorise_counts(counts, idf):
    """Sparse dict bucket -> value from per-block bucket counts: each block's sublinear TF x IDF,
    L2-normalised, summed. `idf` indexable by bucket (None: all ones)."""
    out = {}
    for c in counts:
        v = {k: (1.0 + math.log(n)) * (float(idf[k]) if idf is not None else 1.0) for k, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        if norm > 0:
            for k, x in v.items():
                out[k] = out.get(k, 0.0) + x / norm
    return out


def idf_of(counts):
    """Smoothed idf over per-text block counts (a bucket counts once per text): float32[DIM]."""
    import numpy as np

    df = np.zeros(DIM)
    for blocks in counts:
        for k in set().union(*blocks):
            df[k] += 1
    n = len(counts)
    return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)


def tfidf_matrix(counts, idf):
    """Sparse matrix (scipy CSR, float64) of per-text block counts, one row per text."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, blocks in enumerate(counts):
        for k, x in vectorise_counts(blocks, idf).items():
            rows.append(i), cols.append(k), vals.append(x)
    return csr_matrix((vals, (rows, cols)), shape=(len(counts), DIM), dtype="float64")


def vectorise(text: str, idf):
    """Sparse dict bucket -> value. `idf` indexable by bucket (None: all ones)."""
    return vectorise_counts((bucket_counts(f) for f in raw_features(text)), idf)


# ---- link and style features (crates/classify/src/misinfo/features.rs `meta`) ----
import json
from pathlib import Path

META_NAMES = [
    "has_url", "n_urls", "n_hashtags", "n_handles", "digit_frac", "caps_ratio", "exclamations",
    "questions", "length", "link_low_credibility", "link_authoritative", "link_fact_checker",
    "link_study", "link_shortener",
]
LINK_RE = re.compile(r"""(?:https?://|www\.)[^\s<>"]+""", re.IGNORECASE)
_DOMAINS = json.loads(
    (Path(__file__).resolve().parents[1] / "crates/classify/resources/misinfo/domains.json").read_text()
)
_TRAIL = ".,;:!?)]'\"…"


def text_urls(text):
    out = []
    for m in LINK_RE.finditer(text):
        u = m.group(0).rstrip(_TRAIL)
        if u and u not in out:
            out.append(u)
    return out


def _host_path(url):
    low = url.strip().lower()
    for p in ("https://", "http://"):
        if low.startswith(p):
            rest = low[len(p):]
            break
    else:
        if not low.startswith("www."):
            return None
        rest = low
    end = min([i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0], default=len(rest))
    host = rest[:end].split("@")[-1].split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    host = host.rstrip(".")
    if not host or "." not in host:
        return None
    return host, rest[end:]


def _matches(entry, host, path):
    eh, _, ep = entry.partition("/")
    ok = host == eh or (host.endswith("." + eh))
    return ok and (not ep or path.lstrip("/").startswith(ep))


def link_class(url):
    hp = _host_path(url)
    if hp is None:
        return None
    for key in ("low_credibility", "fact_checkers", "studies", "authoritative", "shorteners"):
        if any(_matches(e, *hp) for e in _DOMAINS[key]):
            return key
    return None


_CLASS_INDEX = {"low_credibility": 9, "authoritative": 10, "fact_checkers": 11, "studies": 12, "shorteners": 13}


def meta(text, urls):
    f = [0.0] * len(META_NAMES)
    n = len(text)
    letters = sum(1 for c in text if c.isalpha())
    upper = sum(1 for c in text if c.isalpha() and c.isupper())
    digits = sum(1 for c in text if c.isascii() and c.isdigit())
    toks = tokens(text)
    f[0] = 1.0 if urls else 0.0
    f[1] = min(len(urls), 3) / 3.0
    f[2] = min(sum(1 for t in toks if t.startswith("#")), 5) / 5.0
    f[3] = min(sum(1 for t in toks if t == "xuser"), 5) / 5.0
    f[4] = digits / n if n else 0.0
    f[5] = upper / letters if letters >= 10 else 0.0
    f[6] = min(text.count("!"), 3) / 3.0
    f[7] = min(text.count("?"), 3) / 3.0
    f[8] = min(n, 400) / 400.0
    for u in urls:
        k = link_class(u)
        if k in _CLASS_INDEX:
            f[_CLASS_INDEX[k]] = 1.0
    return f
