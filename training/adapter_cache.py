"""Cache what fine-tuning the top of multilingual-e5-small needs from its frozen lower part, for
UMSAB train and val: the token states entering layer FROM (ragged, float16) and the mean-pooled
hidden states of every layer (`layer_means`, as embed_umsab.py), computed once with the project's
own ONNX graph (training/e5_onnx.py, with the hidden state added as an extra output).

Writes OUT/{split}.npz: `states` [tokens, 384] f16, `offsets` [n+1], `ids` [tokens] (for
checks), `layer_means` [n, 13, 384] f16, `labels`, `lang`.

Usage: adapter_cache.py MODEL_DIR DATA_DIR OUT_DIR --from 10 [--max-tokens 128] [--prefix "query: "]
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

sys.path.insert(0, str(Path(__file__).parent))
from e5_convert import read_safetensors  # noqa: E402
from e5_onnx import build  # noqa: E402

LANGS = ["arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish"]


def load_split(data: Path, split: str):
    texts, labels, langs = [], [], []
    for lang in LANGS:
        d = data / lang
        lab = (d / f"{split}_labels.txt").read_text().split()
        t = (d / f"{split}_text.txt").read_text(encoding="utf-8").split("\n")[: len(lab)]
        texts += t
        labels += [int(x) for x in lab]
        langs += [lang] * len(lab)
    return texts, np.array(labels), np.array(langs)


def graph_with_hidden(model_dir: Path, first: int) -> onnx.ModelProto:
    """The encoder graph with one more output, `hidden_in`: the token states entering layer
    `first` (the output of layer first-1's last LayerNorm, or of the embeddings' for 0)."""
    cfg = json.loads((model_dir / "config.json").read_text())
    model = build(read_safetensors(model_dir / "model.safetensors"), cfg)
    ln = "embeddings.LayerNorm.weight" if first == 0 else f"encoder.layer.{first - 1}.output.LayerNorm.weight"
    node = next(n for n in model.graph.node if n.op_type == "LayerNormalization" and n.input[1] == ln)
    model.graph.node.append(helper.make_node("Identity", [node.output[0]], ["hidden_in"]))
    model.graph.output.append(helper.make_tensor_value_info("hidden_in", TensorProto.FLOAT, ["batch", "seq", cfg["hidden_size"]]))
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir"), ap.add_argument("data"), ap.add_argument("out")
    ap.add_argument("--from", dest="first", type=int, required=True)
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--prefix", default="query: ")
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    import onnxruntime as ort
    from tokenizers import Tokenizer

    md = Path(a.model_dir)
    tok = Tokenizer.from_file(str(md / "tokenizer.json"))
    tok.enable_truncation(a.max_tokens)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.onnx"
        onnx.save_model(graph_with_hidden(md, a.first), str(path))
        so = ort.SessionOptions()
        if a.threads:
            so.intra_op_num_threads = a.threads
        sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for split in ["val", "train"]:
        texts, labels, langs = load_split(Path(a.data), split)
        t0 = time.time()
        encs = tok.encode_batch([a.prefix + t for t in texts])
        lens = np.array([len(e.ids) for e in encs])
        offsets = np.concatenate([[0], np.cumsum(lens)])
        states = np.zeros((offsets[-1], 384), np.float16)
        ids_flat = np.concatenate([np.array(e.ids, np.int32) for e in encs])
        means = np.zeros((len(texts), 13, 384), np.float16)
        order = np.argsort(lens)
        for s in range(0, len(order), 32):
            idx = order[s : s + 32]
            L = lens[idx].max()
            ids = np.ones((len(idx), L), np.int64)
            mask = np.zeros((len(idx), L), np.int64)
            for r, i in enumerate(idx):
                ids[r, : lens[i]] = encs[i].ids
                mask[r, : lens[i]] = 1
            h, lm = sess.run(["hidden_in", "layer_means"], {"input_ids": ids, "attention_mask": mask})
            means[idx] = lm.astype(np.float16)
            for r, i in enumerate(idx):
                states[offsets[i] : offsets[i + 1]] = h[r, : lens[i]].astype(np.float16)
        np.savez(out / f"{split}.npz", states=states, offsets=offsets, ids=ids_flat, layer_means=means,
                 labels=labels, lang=langs)
        print(f"{split}: {len(texts)} texts, {offsets[-1]} tokens in {time.time() - t0:.1f}s", flush=True)


if __name__ == "__main__":
    main()
