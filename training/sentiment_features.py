"""Lexical features of vigia's sentiment head, in Python.

The word and character n-gram blocks are the misinformation head's (training/misinfo_features.py,
spec version 1; Rust `crates/classify/src/misinfo/features.rs`), reused as they are. Sentiment
adds one block the misinfo tokeniser drops: emoji and emoticons. Rust twin:
`crates/classify/src/sentiment/lexical.rs`; a test there recomputes the parity fixtures that
train_sentiment.py writes into head.meta.json. Change one, change the other, bump VERSION.

Spec (version 1), on top of misinfo features v1:
  1. The text's word block and char block exactly as misinfo_features.vectorise computes them
     (each TF-IDF weighted and L2-normalised, added into the same 2^18 buckets).
  2. Symbol block: every emoji character (code point in one of EMOJI_RANGES, skin-tone modifiers
     excluded) gives the feature `e|<char>`; every whitespace-separated token of the text (URLs
     removed) that is wholly an emoticon (EMOTICON_RE) gives `e|<token>`; a run of 2+ `!` gives
     `e|!!`, of 2+ `?` gives `e|??`; a token character (misinfo spec) other than an ASCII digit
     repeated 3+ times in a row gives `e|elong` (once). Hashed like the others (FNV-1a 64, mod 2^18), counts ->
     1 + ln(count) -> times idf, L2-normalised as a block and added in.
"""
import re

import misinfo_features as F

VERSION = 1
DIM = F.DIM
EMOJI_RANGES = [(0x2190, 0x21FF), (0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)]
SKIN_TONES = (0x1F3FB, 0x1F3FF)
EMOTICON_RE = re.compile(r"(?:[:;=][\-o']?[()\[\]dDpP/|*3]|<3|\^\^|\^_\^|xD|XD)")


def is_emoji(c: str) -> bool:
    o = ord(c)
    if SKIN_TONES[0] <= o <= SKIN_TONES[1]:
        return False
    return any(lo <= o <= hi for lo, hi in EMOJI_RANGES)


def symbol_features(text: str):
    feats = ["e|" + c for c in text if is_emoji(c)]
    for tok in F.URL_RE.sub(" ", text).split():
        if EMOTICON_RE.fullmatch(tok):
            feats.append("e|" + tok)
    if "!!" in text:
        feats.append("e|!!")
    if "??" in text:
        feats.append("e|??")
    prev, run = "", 0
    for c in text:
        run = run + 1 if c == prev else 1
        prev = c
        if run == 3 and F.is_tok_char(c) and not ("0" <= c <= "9"):
            feats.append("e|elong")
            break
    return feats


def blocks(text: str, symbols: bool):
    """The feature-string blocks of a text, each normalised on its own."""
    w, c = F.raw_features(text)
    return (w, c, symbol_features(text)) if symbols else (w, c)


def block_counts(text: str, symbols: bool):
    return tuple(F.bucket_counts(b) for b in blocks(text, symbols))


def vectorise_counts(counts, idf):
    """Sparse dict bucket -> value from a text's block counts (the misinformation spec's)."""
    return F.vectorise_counts(counts, idf)


def vectorise(text: str, idf, symbols: bool = True):
    return vectorise_counts(block_counts(text, symbols), idf)
