"""Adapt the top layers of multilingual-e5-small to sentiment on UMSAB with LoRA, in JAX (CPU).

The frozen lower part runs once (adapter_cache.py: token states entering layer FROM, cached).
Layers FROM..11 are fine-tuned as low-rank updates of every dense matrix (query, key, value,
attention output, FFN in and out) plus their biases and LayerNorms; a linear head reads the
same features as the shipped frozen head (per-layer mean pooling over the mask, each
L2-normalised and scaled, layers 9..12, the top ones now adapted) and starts from that head's
weights. AdamW, length-bucketed batches, early stopping on UMSAB val macro-F1.
With --full the adapted layers' dense weights are trained themselves instead of LoRA factors
(adapter_export.py ships their change cut to low rank), and --fresh-head starts the head at zero.

Writes OUT/adapter.npz (the delta: LoRA factors A [r,in], B [out,r] with the scale folded into B,
or with --full the weights [in,out] themselves; new biases and LayerNorm parameters of the adapted
layers), OUT/head.npz (W [in,3], b) and
OUT/train.json (recipe, per-epoch figures, wall time).

Usage: adapter_train.py MODEL_DIR CACHE_DIR HEAD_JSON OUT_DIR [--layers 3] [--rank 16] [--epochs 2] (defaults: the best run)
       adapter_train.py MODEL_DIR --parity   (JAX forward against the ONNX graph)
"""
import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from e5_convert import read_safetensors  # noqa: E402

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402

MATS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "o": "attention.output.dense", "i": "intermediate.dense", "f": "output.dense"}
LNS = {"ln1": "attention.output.LayerNorm", "ln2": "output.LayerNorm"}
NH, EPS, SCALE, FEAT_LAYERS = 12, 1e-12, 4.0, [9, 10, 11, 12]


def base_layer(w, l):
    p = f"encoder.layer.{l}."
    out = {}
    for k, name in MATS.items():
        out[k + "_w"] = jnp.asarray(w[p + name + ".weight"].T)  # [in, out]
        out[k + "_b"] = jnp.asarray(w[p + name + ".bias"])
    for k, name in LNS.items():
        out[k + "_g"] = jnp.asarray(w[p + name + ".weight"])
        out[k + "_b"] = jnp.asarray(w[p + name + ".bias"])
    return out


def layer_norm(x, g, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / jnp.sqrt(var + EPS) * g + b


def layer_fwd(base, tr, x, bias):
    """One post-LN BERT layer. `tr` holds trainable parts (LoRA a/b, biases, LayerNorms) or {}."""
    def dense(h, k):
        y = h @ tr.get(k + "_w", base[k + "_w"]) + tr.get(k + "_b", base[k + "_b"])
        if k + "_A" in tr:
            y = y + (h @ tr[k + "_A"].T) @ tr[k + "_B"].T
        return y

    def ln(h, k):
        return layer_norm(h, tr.get(k + "_g", base[k + "_g"]), tr.get(k + "_b", base[k + "_b"]))

    B, S, H = x.shape
    hd = H // NH
    q = dense(x, "q").reshape(B, S, NH, hd).transpose(0, 2, 1, 3)
    k = dense(x, "k").reshape(B, S, NH, hd).transpose(0, 2, 3, 1)
    v = dense(x, "v").reshape(B, S, NH, hd).transpose(0, 2, 1, 3)
    att = jax.nn.softmax(q @ k / math.sqrt(hd) + bias, axis=-1)
    ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, S, H)
    x = ln(dense(ctx, "o") + x, "ln1")
    mid = dense(x, "i")
    gelu = 0.5 * mid * (1.0 + jax.lax.erf(mid / math.sqrt(2.0)))
    return ln(dense(gelu, "f") + x, "ln2")


def mean_pool(h, mask):
    m = mask[..., None]
    return (h * m).sum(1) / m.sum(1)


def full_forward(w, ids, mask):
    """layer_means [b, 13, 384] of the whole encoder, for the parity check."""
    S = ids.shape[1]
    x = (jnp.asarray(w["embeddings.word_embeddings.weight"])[ids]
         + jnp.asarray(w["embeddings.position_embeddings.weight"][:S])
         + jnp.asarray(w["embeddings.token_type_embeddings.weight"][0]))
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    maskf = mask.astype(jnp.float32)
    bias = ((1.0 - maskf) * -10000.0)[:, None, None, :]
    means = [mean_pool(x, maskf)]
    for l in range(12):
        x = layer_fwd(base_layer(w, l), {}, x, bias)
        means.append(mean_pool(x, maskf))
    return jnp.stack(means, 1)


def parity(model_dir: Path):
    import onnxruntime as ort
    from tokenizers import Tokenizer
    w = read_safetensors(model_dir / "model.safetensors")
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    texts = ["query: Four hours waiting in A&E, a disgrace.", "query: Grazie mille al personale!",
             "query: La infermera va ser molt amable amb la meva mare", "query: ok"]
    encs = tok.encode_batch(texts)
    L = max(len(e.ids) for e in encs)
    ids = np.ones((len(texts), L), np.int64)
    mask = np.zeros((len(texts), L), np.int64)
    for r, e in enumerate(encs):
        ids[r, : len(e.ids)], mask[r, : len(e.ids)] = e.ids, 1
    sess = ort.InferenceSession(str(model_dir / "model.onnx"), providers=["CPUExecutionProvider"])
    ref = sess.run(["layer_means"], {"input_ids": ids, "attention_mask": mask})[0]
    got = np.asarray(full_forward(w, jnp.asarray(ids), jnp.asarray(mask)))
    cos = (ref * got).sum(-1) / np.linalg.norm(ref, axis=-1) / np.linalg.norm(got, axis=-1)
    print(f"parity: min cosine over texts x 13 layers = {cos.min():.7f}")
    return float(cos.min())


# ---------------------------------------------------------------- training


def features(means, mask_feats=None):
    """means: list of [b, 384] for FEAT_LAYERS -> [b, 4*384], each L2-normalised and scaled."""
    return jnp.concatenate([m / jnp.maximum(jnp.linalg.norm(m, axis=-1, keepdims=True), 1e-12) * SCALE
                            for m in means], -1)


def make_model(bases, first):
    def forward(tr, head, x, mask, frozen_means):
        """x [b,s,384] states entering layer `first`; frozen_means [b, 13, 384]."""
        maskf = mask.astype(jnp.float32)
        bias = ((1.0 - maskf) * -10000.0)[:, None, None, :]
        pooled = {}
        for j, base in enumerate(bases):
            x = layer_fwd(base, tr[j], x, bias)
            pooled[first + j + 1] = mean_pool(x, maskf)
        means = [pooled.get(l, frozen_means[:, l]) for l in FEAT_LAYERS]
        return features(means) @ head["W"] + head["b"]
    return forward


def init_trainable(bases, rank, key, full=False):
    """LoRA factors (B starts at zero), or with `full` the dense weights themselves."""
    tr = []
    for base in bases:
        t = {}
        for k in MATS:
            t[k + "_b"] = base[k + "_b"]
            if full:
                t[k + "_w"] = base[k + "_w"]
                continue
            din, dout = base[k + "_w"].shape
            key, sub = jax.random.split(key)
            t[k + "_A"] = jax.random.normal(sub, (rank, din)) / math.sqrt(din)
            t[k + "_B"] = jnp.zeros((dout, rank))
        for k in LNS:
            t[k + "_g"], t[k + "_b"] = base[k + "_g"], base[k + "_b"]
        tr.append(t)
    return tr


def batches(lens, size, rng, shuffle, tokens_budget=None):
    """Length-bucketed batches: sort by length inside shuffled chunks of 50 batches."""
    idx = rng.permutation(len(lens)) if shuffle else np.arange(len(lens))
    out = []
    chunk = size * 50
    for s in range(0, len(idx), chunk):
        c = idx[s : s + chunk]
        c = c[np.argsort(lens[c], kind="stable")]
        out += [c[i : i + size] for i in range(0, len(c), size)]
    if shuffle:
        rng.shuffle(out)
    return out


def pad_batch(z, idx, pad_to=8):
    lens = z["lens"][idx]
    L = int(math.ceil(lens.max() / pad_to) * pad_to)
    x = np.zeros((len(idx), L, 384), np.float32)
    mask = np.zeros((len(idx), L), np.int32)
    off = z["offsets"]
    for r, i in enumerate(idx):
        x[r, : lens[r]] = z["states"][off[i] : off[i] + lens[r]]
        mask[r, : lens[r]] = 1
    return x, mask, z["layer_means"][idx].astype(np.float32), z["labels"][idx]


def load_cache(path, max_tokens):
    d = np.load(path)
    z = {k: d[k] for k in d.files}
    lens = np.diff(z["offsets"])
    z["lens"] = np.minimum(lens, max_tokens)
    return z


def macro_f1(y, p):
    from sklearn.metrics import f1_score
    return float(f1_score(y, p, average="macro"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("cache", nargs="?"), ap.add_argument("head_json", nargs="?"), ap.add_argument("out", nargs="?")
    ap.add_argument("--parity", action="store_true")
    ap.add_argument("--from", dest="first", type=int, default=9, help="first layer the cache holds the input of")
    ap.add_argument("--layers", type=int, default=3, help="adapt the top K layers")
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--full", action="store_true", help="fine-tune the adapted layers' full weights, not LoRA")
    ap.add_argument("--fresh-head", action="store_true", help="start the head at zero, not from HEAD_JSON")
    ap.add_argument("--epochs", type=float, default=2)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--head-lr", type=float, default=2e-5)
    ap.add_argument("--wd", type=float, default=0.01)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-tokens", type=int, default=96)
    ap.add_argument("--evals-per-epoch", type=int, default=2)
    ap.add_argument("--train-limit", type=int, default=0, help="train on N random texts (checks)")
    ap.add_argument("--limit-steps", type=int, default=0, help="stop after N steps (timing)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    md = Path(a.model_dir)
    if a.parity:
        sys.exit(0 if parity(md) > 0.9999 else 1)
    t_start = time.time()
    w = read_safetensors(md / "model.safetensors")
    top = 12 - a.layers
    assert top >= a.first, "the cache starts above the layers to adapt"
    tr_z = load_cache(Path(a.cache) / "train.npz", a.max_tokens)
    va_z = load_cache(Path(a.cache) / "val.npz", a.max_tokens)

    # frozen layers between the cache and the adapted ones: run once, replace the cached states
    if top > a.first:
        frozen = [base_layer(w, l) for l in range(a.first, top)]
        fwd = jax.jit(lambda x, m: _run_frozen(frozen, x, m))
        for z in (tr_z, va_z):
            new = np.zeros_like(z["states"])
            for idx in batches(z["lens"], 64, np.random.default_rng(0), False):
                x, mask, _, _ = pad_batch(z, idx)
                h = np.asarray(fwd(x, mask))
                for r, i in enumerate(idx):
                    o = z["offsets"][i]
                    new[o : o + z["lens"][i]] = h[r, : z["lens"][i]].astype(np.float16)
            z["states"] = new
        print(f"frozen layers {a.first}..{top - 1} run in {time.time() - t_start:.0f}s", flush=True)

    bases = [base_layer(w, l) for l in range(top, 12)]
    head0 = json.loads(Path(a.head_json).read_text())
    assert head0["features"]["layers"] == FEAT_LAYERS, head0["features"]
    head = {"W": jnp.asarray(np.array(head0["layers"][0]["w"], np.float32).T),
            "b": jnp.asarray(np.array(head0["layers"][0]["b"], np.float32))}
    if a.fresh_head:
        head = jax.tree_util.tree_map(jnp.zeros_like, head)
    key = jax.random.PRNGKey(a.seed)
    tr = init_trainable(bases, a.rank, key, a.full)
    forward = make_model(bases, top)
    params = {"tr": tr, "head": head}

    def loss_fn(p, x, mask, fm, y):
        logits = forward(p["tr"], p["head"], x, mask, fm)
        logp = jax.nn.log_softmax(logits)
        return -jnp.mean(jnp.take_along_axis(logp, y[:, None], 1))

    train_idx = np.arange(len(tr_z["labels"]))
    if a.train_limit:
        train_idx = np.random.default_rng(a.seed).permutation(train_idx)[: a.train_limit]
    steps_per_epoch = math.ceil(len(train_idx) / a.batch)
    total = int(steps_per_epoch * a.epochs)
    warm = max(1, total // 20)

    def lr_at(t):
        return jnp.where(t < warm, t / warm, jnp.maximum(0.0, (total - t) / max(1, total - warm)))

    @jax.jit
    def step(p, m, v, t, x, mask, fm, y):
        loss, g = jax.value_and_grad(loss_fn)(p, x, mask, fm, y)
        t = t + 1
        sched = lr_at(t)

        def upd(path, pi, gi, mi, vi):
            head_param = path[0].key == "head"
            lr = (a.head_lr if head_param else a.lr) * sched
            mi = 0.9 * mi + 0.1 * gi
            vi = 0.999 * vi + 0.001 * gi * gi
            u = (mi / (1 - 0.9 ** t)) / (jnp.sqrt(vi / (1 - 0.999 ** t)) + 1e-8)
            decay = a.wd if (pi.ndim == 2 and not head_param) else 0.0
            return pi - lr * (u + decay * pi), mi, vi

        out = jax.tree_util.tree_map_with_path(upd, p, g, m, v)
        isleaf = lambda n: isinstance(n, tuple)  # noqa: E731
        newp = jax.tree_util.tree_map(lambda o: o[0], out, is_leaf=isleaf)
        newm = jax.tree_util.tree_map(lambda o: o[1], out, is_leaf=isleaf)
        newv = jax.tree_util.tree_map(lambda o: o[2], out, is_leaf=isleaf)
        return newp, newm, newv, t, loss

    pred_fn = jax.jit(lambda p, x, mask, fm: forward(p["tr"], p["head"], x, mask, fm))

    def evaluate(p):
        logits = np.zeros((len(va_z["labels"]), 3), np.float32)
        for idx in batches(va_z["lens"], 64, np.random.default_rng(0), False):
            x, mask, fm, _ = pad_batch(va_z, idx)
            logits[idx] = np.asarray(pred_fn(p, x, mask, fm))
        return logits

    m = jax.tree_util.tree_map(jnp.zeros_like, params)
    v = jax.tree_util.tree_map(jnp.zeros_like, params)
    t = jnp.asarray(0.0)
    rng = np.random.default_rng(a.seed)
    logits0 = evaluate(params)
    f0 = macro_f1(va_z["labels"], logits0.argmax(1))
    print(f"start: val macro-F1 {f0:.4f} (frozen encoder, starting head)", flush=True)
    history = [{"step": 0, "val_macro_f1": round(f0, 4)}]
    best = (f0, jax.tree_util.tree_map(np.asarray, params), logits0)
    n_step, t_train, run_loss = 0, time.time(), []
    eval_every = max(1, steps_per_epoch // a.evals_per_epoch)
    done = False
    while not done:
        for idx in batches(tr_z["lens"][train_idx], a.batch, rng, True):
            x, mask, fm, y = pad_batch(tr_z, train_idx[idx])
            params, m, v, t, loss = step(params, m, v, t, x, mask, fm, y)
            n_step += 1
            run_loss.append(float(loss))
            if n_step % 50 == 0:
                print(f"step {n_step}/{total} loss {np.mean(run_loss[-50:]):.4f} {time.time() - t_train:.0f}s", flush=True)
            if a.limit_steps and n_step >= a.limit_steps:
                print(f"{n_step} steps in {time.time() - t_train:.1f}s", flush=True)
                return
            if n_step % eval_every == 0 or n_step == total:
                logits = evaluate(params)
                f1 = macro_f1(va_z["labels"], logits.argmax(1))
                history.append({"step": n_step, "epoch": round(n_step / steps_per_epoch, 2),
                                "val_macro_f1": round(f1, 4), "seconds": round(time.time() - t_start)})
                print(json.dumps(history[-1]), flush=True)
                if f1 > best[0]:
                    best = (f1, jax.tree_util.tree_map(np.asarray, params), logits)
            if n_step >= total:
                done = True
                break

    f1, p, logits = best
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    delta = {}
    for j, t_ in enumerate(p["tr"]):
        l = top + j
        for k, arr in t_.items():
            delta[f"layer{l}.{k}"] = arr
    np.savez(out / "adapter.npz", **delta)
    np.savez(out / "head.npz", W=p["head"]["W"], b=p["head"]["b"])
    np.save(out / "val_logits.npy", logits)
    info = {"adapted_layers": list(range(top, 12)), "full": a.full, "rank": None if a.full else a.rank,
            "fresh_head": a.fresh_head, "epochs": a.epochs, "lr": a.lr, "head_lr": a.head_lr,
            "weight_decay": a.wd, "batch": a.batch, "max_tokens": a.max_tokens,
            "seed": a.seed, "best_val_macro_f1": round(f1, 4), "history": history,
            "wall_seconds": round(time.time() - t_start, 1)}
    (out / "train.json").write_text(json.dumps(info, indent=2) + "\n")
    print(f"best val macro-F1 {f1:.4f}; wrote {out}", flush=True)


def _run_frozen(frozen, x, mask):
    maskf = mask.astype(jnp.float32)
    bias = ((1.0 - maskf) * -10000.0)[:, None, None, :]
    for base in frozen:
        x = layer_fwd(base, {}, x, bias)
    return x


if __name__ == "__main__":
    main()
