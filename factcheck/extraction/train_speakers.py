"""Train the speaker ranker's weights on an annotated corpus, and measure it fairly.

    python -m factcheck.extraction.train_speakers CORPUS_DIR            # leave-one-article-out
    python -m factcheck.extraction.train_speakers CORPUS_DIR --write    # and save the weights

CORPUS_DIR holds `*.gold.json` files (schema in the corpus README). For every article the
rules run as usual; each statement they find that matches a gold statement (the scorer's
matching, from `evaluate`) becomes a training example: its candidates (`ranker`), labelled by
whether they name the gold speaker. The model is a conditional logit (a softmax over each
statement's candidates) fitted with an L2 penalty, in pure Python.

Leave-one-article-out: for each article the weights are fitted on all the others and the
held-out article is extracted with them. Printed: how often the ranker alone puts the gold
speaker first, and the extractor's figures without the ranker and with it. `--write` then
fits on every article and writes `speaker_weights.json`. This module is also a learned
component of `manage.py extract --evaluate` (`train` and `trained`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factcheck.extraction import ranker
from factcheck.extraction.clean import clean
from factcheck.extraction.evaluate import Totals, load_corpus, names_party, pair, score
from factcheck.extraction.ranker import FEATURES, WEIGHTS_PATH, SpeakerContext, candidates_for

L2 = 0.02
STEPS = 150
RATE = 0.1

Example = tuple[list[list[float]], list[bool]]


def rules_context(text: str) -> SpeakerContext:
    """The rules' statements for a clean text, before the ranker has a say."""
    from factcheck.extraction.statements import Extractor

    ex = Extractor(text)
    ex.run()
    return SpeakerContext(ex.text, ex.masked, ex.paragraphs, ex.registry, ex.statements())


_EXAMPLES: dict[tuple[str, str], list[Example]] = {}


def examples(doc: dict) -> list[Example]:
    """One example per rule statement that matches a gold one and has its speaker in view
    (kept per article: leave-one-article-out asks for each one eighteen times)."""
    key = (doc.get("id", ""), doc["text"])
    if key not in _EXAMPLES:
        _EXAMPLES[key] = _examples(doc)
    return _EXAMPLES[key]


def _examples(doc: dict) -> list[Example]:
    ctx = rules_context(clean(doc["text"]))
    parties = {p["name"]: p for p in doc["parties"]}
    predicted = [
        {"quote": ctx.text[f.start : f.end], "index": k}
        for k, f in enumerate(ctx.found)
        if ctx.text[f.start : f.end].strip() and ctx.spans[(f.start, f.end)] == 1
    ]
    out = []
    for p, g in pair(predicted, doc["statements"]):
        cands = candidates_for(ctx, p["index"])
        labels = [names_party(c.name, parties[g["speaker"]]) for c in cands]
        if any(labels):
            out.append(([c.features for c in cands], labels))
    return out


def fit(examples: list[tuple[list[list[float]], list[bool]]]) -> list[float]:
    """Conditional logit: maximise the probability mass on each statement's right candidates
    (Adam on the mean log-likelihood with an L2 penalty; features are sparse)."""
    d = len(FEATURES)
    sparse = [
        ([[(k, v) for k, v in enumerate(x) if v] for x in xs], labels) for xs, labels in examples
    ]
    w = [0.0] * d
    m1, m2 = [0.0] * d, [0.0] * d
    n = max(1, len(sparse))
    for step in range(1, STEPS + 1):
        grad = [L2 * wk for wk in w]
        for xs, labels in sparse:
            scores = [sum(w[k] * v for k, v in x) for x in xs]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            z = sum(exp)
            zp = sum(e for e, lab in zip(exp, labels, strict=True) if lab)
            for x, e, lab in zip(xs, exp, labels, strict=True):
                coef = (e / z - (e / zp if lab else 0.0)) / n
                for k, v in x:
                    grad[k] += coef * v
        for k in range(d):
            m1[k] = 0.9 * m1[k] + 0.1 * grad[k]
            m2[k] = 0.999 * m2[k] + 0.001 * grad[k] ** 2
            w[k] -= RATE * (m1[k] / (1 - 0.9**step)) / (math.sqrt(m2[k] / (1 - 0.999**step)) + 1e-8)
    return w


def train(golds: list[dict]) -> list[float]:
    return fit([e for doc in golds for e in examples(doc)])


@contextmanager
def trained(weights: list[float] | None) -> Iterator[None]:
    """extract() ranks speakers with these weights (None: the rules alone) inside the block."""
    saved = ranker._WEIGHTS
    ranker._WEIGHTS = weights
    try:
        yield
    finally:
        ranker._WEIGHTS = saved


def first_choice_accuracy(golds: list[dict]) -> tuple[int, int]:
    """Leave-one-article-out: statements whose gold speaker the ranker alone puts first."""
    per_doc = [examples(doc) for doc in golds]
    right = total = 0
    for k, held_out in enumerate(per_doc):
        weights = fit([e for j, ex in enumerate(per_doc) if j != k for e in ex])
        for xs, labels in held_out:
            scores = [sum(a * b for a, b in zip(x, weights, strict=True)) for x in xs]
            right += labels[max(range(len(xs)), key=scores.__getitem__)]
            total += 1
    return right, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m factcheck.extraction.train_speakers", description=__doc__.split("\n")[0]
    )
    parser.add_argument("corpus", type=Path, help="folder of *.gold.json annotated articles")
    parser.add_argument("--write", action="store_true", help="save weights fitted on all")
    parser.add_argument(
        "--output", type=Path, default=WEIGHTS_PATH, help="where --write saves the weights"
    )
    args = parser.parse_args(argv)
    try:
        golds = load_corpus(args.corpus)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    from factcheck.extraction import extract

    right, total = first_choice_accuracy(golds)
    print(
        f"ranker alone, leave-one-article-out: gold speaker first in {right}/{total} "
        f"statements ({right / max(1, total):.3f})"
    )
    rules, learned = Totals(), Totals()
    for k, doc in enumerate(golds):
        with trained(None):
            rules.add(score(doc, extract(doc["text"]).as_dict()))
        with trained(train(golds[:k] + golds[k + 1 :])):
            learned.add(score(doc, extract(doc["text"]).as_dict()))
    print(rules.line("rules alone, whole corpus"))
    print(learned.line("rules + ranker, leave-one-article-out"))
    if args.write:
        weights = train(golds)
        data = {
            "about": "speaker ranker weights: python -m factcheck.extraction.train_speakers",
            "articles": len(golds),
            "weights": {name: round(w, 4) for name, w in zip(FEATURES, weights, strict=True)},
        }
        args.output.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
