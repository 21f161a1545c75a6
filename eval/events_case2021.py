"""Score ACLED sub-event typing on CASE 2021 task 2 (subtask 1: the 25 ACLED sub-event types).

Corpus: $SITREP_DATA/events/case2021/case2021_task2.tsv, the development half of the CASE 2021
task 2 test set (Haneczok et al. 2021); pass the held-out half with --tsv. Rows labelled with the
unseen types (disasters, organised crime, diplomacy, attribution) are left out, as in subtask 1.
Metrics: macro, micro and weighted F1 over the 25 types, per-type precision/recall/F1 and a
confusion table. Peer figure: the best team's weighted F1, 0.839 (fine-tuned transformers);
sitrep's target is 0.80.

    .venv/bin/python eval/events_case2021.py --cv 10            # cross-validated on the dev half
    .venv/bin/python eval/events_case2021.py --tsv HELD_OUT.tsv # the shipped model on unseen rows
    .venv/bin/python eval/events_case2021.py --method rules     # the trigger rules alone

Scoring the shipped model on the dev half it was trained on proves nothing; the script says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_event_classifier as training  # noqa: E402

from sitrep.event_classifier import EventClassifier, log_softmax, refine  # noqa: E402

PEERS = {"best CASE 2021 team (fine-tuned transformers), weighted F1": 0.839, "sitrep target, weighted F1": 0.80}


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, object]:
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    labels = sorted(set(gold))
    result: dict[str, object] = {
        "n": len(gold),
        "macro_f1": f1_score(gold, predicted, labels=labels, average="macro", zero_division=0),
        "micro_f1": f1_score(gold, predicted, labels=labels, average="micro", zero_division=0),
        "weighted_f1": f1_score(gold, predicted, labels=labels, average="weighted", zero_division=0),
    }
    p, r, f, s = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    result["per_type"] = {lab: {"precision": p[i], "recall": r[i], "f1": f[i], "support": int(s[i])} for i, lab in enumerate(labels)}
    result["confusions"] = Counter(f"{g} -> {q}" for g, q in zip(gold, predicted) if g != q).most_common(20)
    return result


OOF = Path(__file__).resolve().parent / "event_encoder_oof.npz"


def encoder_out_of_fold(case: Sequence[tuple[str, str, str]], folds: int, seed: int) -> np.ndarray:
    """The fine-tuned encoder's out-of-fold log-probabilities, recorded by
    eval/finetune_event_encoder.py on a GPU (fine-tuning ten models takes hours on these cores)."""
    record = np.load(OOF)
    if folds != 10 or f"seed{seed}" not in record:
        raise SystemExit(f"{OOF.name} holds 10-fold runs for {sorted(k for k in record if k.startswith('seed'))}; "
                         "run eval/finetune_event_encoder.py for others, or pass --no-encoder")
    if [str(i) for i in record["ids"]] != [i for i, _, _ in case]:
        raise SystemExit(f"{OOF.name} was recorded on other CASE rows; run eval/finetune_event_encoder.py again")
    return log_softmax(record[f"seed{seed}"])


def cross_validated(folds: int, encoder: bool, synthetic: bool, seed: int = 0,
                    encoder_weight: float = training.ENCODER_WEIGHT) -> tuple[list[str], list[str], list[str]]:
    """Each dev-half row predicted by a model trained without it (the written sentences, and the
    synthetic stories unless left out, always in training)."""
    from sklearn.model_selection import StratifiedKFold

    case = training.case_rows()
    texts = [t for _, t, _ in case]
    gold = [y for _, _, y in case]
    extra = training.extra_rows(synthetic)
    encoded = encoder_out_of_fold(case, folds, seed) if encoder else None
    predicted = [""] * len(case)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(texts, gold):
        fold_texts = [texts[i] for i in train] + [t for t, _, _ in extra]
        fold_labels = [gold[i] for i in train] + [y for _, y, _ in extra]
        weights = [1.0] * len(train) + [w for _, _, w in extra]
        model = EventClassifier(training.fit(fold_texts, fold_labels, weights, encoder_weight if encoder else 0.0))
        for i, label in zip(test, model.predict([texts[i] for i in test], encoded[test] if encoded is not None else None)):
            predicted[i] = label
    return texts, gold, predicted


def by_rules(path: Path | None) -> tuple[list[str], list[str]]:
    from sitrep import events, nlp

    case = training.case_rows(path)
    language = nlp.load()
    predicted = []
    for doc in language.pipe([t for _, t, _ in case], batch_size=32):
        found = (events.classify_sentence(s) for s in events.sentences(doc))
        predicted.append(next((t for t in found if t), "none"))
    return [y for _, _, y in case], predicted


def by_model(path: Path | None) -> tuple[list[str], list[str], list[str]]:
    case = training.case_rows(path)
    model = EventClassifier.load()
    texts = [t for _, t, _ in case]
    return texts, [y for _, _, y in case], model.predict(texts)


def report(result: dict[str, object], title: str) -> None:
    print(title)
    print(f"  n={result['n']}  macro F1 {result['macro_f1']:.3f}  micro F1 {result['micro_f1']:.3f}  weighted F1 {result['weighted_f1']:.3f}")
    for name, figure in PEERS.items():
        print(f"  peer: {name} {figure:.3f}")
    print(f"  {'sub-event type':40s} {'P':>5s} {'R':>5s} {'F1':>5s} {'n':>4s}")
    for label, s in result["per_type"].items():  # type: ignore[union-attr]
        print(f"  {label:40s} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1']:5.2f} {s['support']:4d}")
    print("  most frequent confusions (gold -> predicted):")
    for pair, count in result["confusions"]:  # type: ignore[union-attr]
        print(f"    {count:3d}  {pair}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tsv", type=Path, help="a CASE 2021 task 2 TSV (default: the dev half)")
    parser.add_argument("--method", choices=["model", "rules", "cv"], default=None)
    parser.add_argument("--cv", type=int, default=0, help="k-fold cross-validation on the dev half (implies --method cv)")
    parser.add_argument("--no-encoder", action="store_true", help="the TF-IDF model alone, without the fine-tuned encoder")
    parser.add_argument("--seed", type=int, default=0, help="fold seed of the cross-validation (0: the reported folds; 1: where settings were chosen)")
    parser.add_argument("--encoder-weight", type=float, default=training.ENCODER_WEIGHT)
    parser.add_argument("--no-synthetic", action="store_true")
    parser.add_argument("--raw", action="store_true", help="the model alone, without the cue-word refinement")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    method = args.method or ("cv" if args.cv else "model")
    if method == "cv":
        folds = args.cv or 10
        texts, gold, predicted = cross_validated(folds, not args.no_encoder, not args.no_synthetic, args.seed, args.encoder_weight)
        encoder = "none" if args.no_encoder else f"weight {args.encoder_weight}"
        title = f"CASE 2021 task 2 dev half, {folds}-fold cross-validation, fold seed {args.seed} (encoder {encoder}, synthetic={not args.no_synthetic})"
    elif method == "rules":
        gold, predicted = by_rules(args.tsv)
        title = f"CASE 2021 task 2 {args.tsv or 'dev half'}, trigger rules only"
    else:
        texts, gold, predicted = by_model(args.tsv)
        title = f"CASE 2021 task 2 {args.tsv or 'dev half'}, shipped model"
        if args.tsv is None:
            title += " -- WARNING: the model was trained on these rows; use --cv for a real figure"
    if method != "rules" and not args.raw:
        predicted = [refine(t, p) for t, p in zip(texts, predicted)]
        title += ", cue-word refinement within families"
    result = scores(gold, predicted)
    report(result, title)
    if args.json:
        args.json.write_text(json.dumps({"title": title, **result}, indent=1, default=float), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
