"""Build the ONNX graph of multilingual-e5-small from the fp32 safetensors, with the `onnx` package
alone (no PyTorch), then an int8 copy with onnxruntime's dynamic quantisation.

Inputs:  input_ids int64 [batch, seq], attention_mask int64 [batch, seq]
Outputs: sentence_embedding f32 [batch, 384]   mean-pooled over the mask, L2-normalised (E5)
         layer_means        f32 [batch, 13, 384] mean-pooled hidden state of the embeddings and of
                                                 every layer, not normalised (features for heads)
         token_states       f32 [batch, seq, 1152] the hidden states of layers TOKEN_LAYERS (8, 10, 12)
                                                 per token, concatenated, not normalised (features
                                                 for the PHI span tagger, training/train_phi_tagger.py)
         sentiment_layer_means f32 [batch, 13, 384] with --sentiment-delta: the same, with the top
                                                 layers run again with the sentiment-adapted weights
                                                 (a branch from the shared lower layers; the other
                                                 outputs are unchanged)

Usage: e5_onnx.py MODEL_DIR [--sentiment-delta DELTA_NPZ]
       (reads model.safetensors + config.json, writes model.onnx, model.int8.onnx)
"""
import json
import math
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, str(Path(__file__).parent))
from e5_convert import read_safetensors  # noqa: E402

OPSET = 18
# Layers whose per-token hidden states form the `token_states` output (the PHI span tagger's
# features; Rust: encoder::TOKEN_LAYERS).
TOKEN_LAYERS = [8, 10, 12]


def build(weights: dict, cfg: dict, sentiment: dict | None = None) -> onnx.ModelProto:
    H, NL, NH = cfg["hidden_size"], cfg["num_hidden_layers"], cfg["num_attention_heads"]
    hd = H // NH
    eps = cfg["layer_norm_eps"]
    nodes, inits = [], []

    def init(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op, ins, outs=None, **kw):
        outs = outs or [f"{op}_{len(nodes)}"]
        nodes.append(helper.make_node(op, ins, outs, **kw))
        return outs[0]

    def linear(x, prefix):
        w = init(prefix + ".weightT", weights[prefix + ".weight"].T.copy())
        b = init(prefix + ".bias", weights[prefix + ".bias"])
        return node("Add", [node("MatMul", [x, w]), b])

    def layer_norm(x, prefix):
        g = init(prefix + ".weight", weights[prefix + ".weight"])
        b = init(prefix + ".bias", weights[prefix + ".bias"])
        return node("LayerNormalization", [x, g, b], axis=-1, epsilon=eps)

    # embeddings: word + position (0..seq) + token type 0, then LayerNorm
    word = init("word_embeddings", weights["embeddings.word_embeddings.weight"])
    pos = init("position_embeddings", weights["embeddings.position_embeddings.weight"])
    typ = init("token_type0", weights["embeddings.token_type_embeddings.weight"][0])
    seq = node("Shape", ["input_ids"], start=1, end=2)  # [seq] as a 1-D tensor
    zero1 = init("zero1", np.array([0], dtype=np.int64))
    pos_rows = node("Slice", [pos, zero1, seq, zero1])  # position_embeddings[0:seq]
    x = node("Add", [node("Gather", [word, "input_ids"], axis=0), pos_rows])
    x = node("Add", [x, typ])
    x = layer_norm(x, "embeddings.LayerNorm")

    # attention bias [batch, 1, 1, seq]: 0 where attended, -1e4 where padded
    maskf = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    one = init("one", np.array(1.0, dtype=np.float32))
    neg = init("neg", np.array(-10000.0, dtype=np.float32))
    bias = node("Mul", [node("Sub", [one, maskf]), neg])
    bias = node("Unsqueeze", [bias, init("ax12", np.array([1, 2], dtype=np.int64))])
    split_shape = init("split_shape", np.array([0, 0, NH, hd], dtype=np.int64))
    merge_shape = init("merge_shape", np.array([0, 0, H], dtype=np.int64))
    scale = init("scale", np.array(1.0 / math.sqrt(hd), dtype=np.float32))
    half = init("half", np.array(0.5, dtype=np.float32))
    rsqrt2 = init("rsqrt2", np.array(1.0 / math.sqrt(2.0), dtype=np.float32))

    # masked mean pooling helpers
    mask3 = node("Unsqueeze", [maskf, init("ax2", np.array([2], dtype=np.int64))])  # [b, s, 1]
    axis1 = init("axis1", np.array([1], dtype=np.int64))
    count = node("ReduceSum", [mask3, axis1], keepdims=0)  # [b, 1]

    def mean_pool(h):
        return node("Div", [node("ReduceSum", [node("Mul", [h, mask3]), axis1], keepdims=0), count])

    def encoder_layer(x, p):
        q = node("Transpose", [node("Reshape", [linear(x, p + ".attention.self.query"), split_shape])], perm=[0, 2, 1, 3])
        k = node("Transpose", [node("Reshape", [linear(x, p + ".attention.self.key"), split_shape])], perm=[0, 2, 3, 1])
        v = node("Transpose", [node("Reshape", [linear(x, p + ".attention.self.value"), split_shape])], perm=[0, 2, 1, 3])
        scores = node("Add", [node("Mul", [node("MatMul", [q, k]), scale]), bias])
        probs = node("Softmax", [scores], axis=-1)
        ctx = node("Reshape", [node("Transpose", [node("MatMul", [probs, v])], perm=[0, 2, 1, 3]), merge_shape])
        attn = linear(ctx, p + ".attention.output.dense")
        x = layer_norm(node("Add", [attn, x]), p + ".attention.output.LayerNorm")
        mid = linear(x, p + ".intermediate.dense")
        gelu = node("Mul", [node("Mul", [mid, half]), node("Add", [node("Erf", [node("Mul", [mid, rsqrt2])]), one])])
        out = linear(gelu, p + ".output.dense")
        return layer_norm(node("Add", [out, x]), p + ".output.LayerNorm")

    means, inputs, states = [mean_pool(x)], [], [x]
    for l in range(NL):
        inputs.append(x)
        x = encoder_layer(x, f"encoder.layer.{l}")
        means.append(mean_pool(x))
        states.append(x)
    node("Concat", [states[l] for l in TOKEN_LAYERS], ["token_states"], axis=-1)

    stacked = node("Concat", [node("Unsqueeze", [m, axis1]) for m in means], ["layer_means"], axis=1)
    outputs = [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", H]),
               helper.make_tensor_value_info("layer_means", TensorProto.FLOAT, ["batch", NL + 1, H]),
               helper.make_tensor_value_info("token_states", TensorProto.FLOAT, ["batch", "seq", H * len(TOKEN_LAYERS)])]
    if sentiment:
        # The sentiment branch: the top layers again, with the adapted weights (`sentiment.` names),
        # from the same input; its layer means replace the frozen ones from there on.
        adapted = sorted(sentiment)
        assert adapted == list(range(adapted[0], NL)), adapted
        weights = {**weights, **{f"sentiment.encoder.layer.{l}.{k}": v for l in adapted for k, v in sentiment[l].items()}}
        y, smeans = inputs[adapted[0]], list(means[: adapted[0] + 1])
        for l in adapted:
            y = encoder_layer(y, f"sentiment.encoder.layer.{l}")
            smeans.append(mean_pool(y))
        node("Concat", [node("Unsqueeze", [m, axis1]) for m in smeans], ["sentiment_layer_means"], axis=1)
        outputs.append(helper.make_tensor_value_info("sentiment_layer_means", TensorProto.FLOAT, ["batch", NL + 1, H]))
    last = means[-1]
    norm = node("ReduceL2", [last, axis1], keepdims=1)
    eps_n = init("eps_n", np.array(1e-12, dtype=np.float32))
    node("Div", [last, node("Max", [norm, eps_n])], ["sentence_embedding"])
    del stacked

    graph = helper.make_graph(
        nodes, "multilingual-e5-small",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="vigia training/e5_onnx.py")
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=False)
    return model


def load_delta(path: Path, weights: dict) -> dict:
    """The sentiment adaptation shipped in the repo (training/adapter_export.py) merged into full
    tensors: {layer: {name: array}}. `X.lora_A` [r, in] and `X.lora_B` [out, r] give
    X.weight = base + B @ A; biases and LayerNorm parameters are stored whole."""
    z = np.load(path)
    out = {}
    for key in z.files:
        if key.endswith(".lora_B"):
            continue
        layer = int(key.split(".")[2])
        if key.endswith(".lora_A"):
            stem = key[: -len(".lora_A")]
            a, b = z[key].astype(np.float32), z[stem + ".lora_B"].astype(np.float32)
            name, value = stem + ".weight", weights[stem + ".weight"] + b @ a
        else:
            name, value = key, z[key].astype(np.float32)
        assert value.shape == weights[name].shape, (name, value.shape)
        out.setdefault(layer, {})[name.split(".", 3)[3]] = value
    return out


def main():
    d = Path(sys.argv[1])
    cfg = json.loads((d / "config.json").read_text())
    weights = read_safetensors(d / "model.safetensors")
    delta = None
    if len(sys.argv) > 3 and sys.argv[2] == "--sentiment-delta":
        delta = load_delta(Path(sys.argv[3]), weights)
    model = build(weights, cfg, delta)
    onnx.save_model(model, str(d / "model.onnx"))
    from onnxruntime.quantization import QuantType, quantize_dynamic
    quantize_dynamic(str(d / "model.onnx"), str(d / "model.int8.onnx"), weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul"], per_channel=False)
    print(f"wrote {d/'model.onnx'} and {d/'model.int8.onnx'}")


if __name__ == "__main__":
    main()
